// A9: every ticket this agent may serve, in the order dispatch would give them: main services
// (a ticket transferred to the agent by name first) by the branch policy, then support services,
// which are served only when the main ones have nobody waiting (A6).
import type { Db } from '../../db/knex.js';
import type { WaitingItem } from '../../domain/contracts/tickets.js';
import { explainNext, type QueueEntry } from '../../domain/queue-order.js';
import { iso } from '../../db/dates.js';
import type { TicketKind } from '../../domain/tickets.js';
import { eligibleFor, servicesOf } from '../../db/queue/eligible.js';
import { loadPolicy, policyOrder, recentCalls } from '../../db/queue/order.js';

/** A waiting ticket as the list selects it. */
interface WaitingRow {
  id: string;
  number: string;
  kind: TicketKind;
  scheduled_at: Date | null;
  arrival_at: Date;
  priority: number;
  service_id: number;
  preferred_agent_id: number | null;
  service_name: string;
  sla_target_seconds: number;
  queued_at: Date;
  waited_ms: number;
  customer_name: string | null;
  customer_id_number: string | null;
}

export async function waitingFor(db: Db, shift: { user_id: number; branch_id: number }): Promise<WaitingItem[]> {
  const services = await servicesOf(db, shift.user_id);
  const cfg = await loadPolicy(db, shift.branch_id);
  const recent = await recentCalls(db, shift.branch_id, cfg);
  const now = new Date().toISOString();
  const order = policyOrder(cfg, recent, now);
  const list = async (serviceIds: number[], withPreferred: boolean): Promise<WaitingRow[]> =>
    eligibleFor(db, db('tickets as t'), shift.user_id, shift.branch_id, serviceIds, withPreferred)
      .join('services as s', 's.id', 't.service_id')
      .leftJoin('customers as c', 'c.id', 't.customer_id')
      .select(
        't.id',
        't.number',
        't.kind',
        't.scheduled_at',
        't.arrival_at',
        't.priority',
        't.service_id',
        't.preferred_agent_id',
        's.name as service_name',
        's.sla_target_seconds',
        db.raw('coalesce(t.queued_at, t.arrival_at) as queued_at'),
        // Issue 16: measured by the database's clock, so the agent's own clock never skews it.
        db.raw(
          'greatest(0, floor(extract(epoch from now() - coalesce(t.queued_at, t.arrival_at)) * 1000))::bigint as waited_ms',
        ),
        db.raw(`nullif(trim(c.first_name || ' ' || c.last_name), '') as customer_name`),
        'c.id_number as customer_id_number',
      )
      .orderByRaw('(t.preferred_agent_id is not distinct from ?) desc', [shift.user_id])
      .orderByRaw(order.sql, order.bindings)
      .limit(500);
  const main = await list(services.main, true);
  const support = services.support.length ? await list(services.support, false) : [];
  const item = (r: WaitingRow, isSupport: boolean): WaitingItem => ({
    ticketId: r.id,
    number: r.number,
    kind: r.kind,
    customerName: r.customer_name,
    customerIdNumber: r.customer_id_number,
    scheduledAt: iso(r.scheduled_at),
    arrivalAt: iso(r.arrival_at),
    priority: r.priority,
    serviceId: r.service_id,
    serviceName: r.service_name,
    support: isSupport,
    queuedAt: iso(r.queued_at),
    waitedMs: Number(r.waited_ms),
    slaTargetSeconds: r.sla_target_seconds,
  });
  const items = [...main.map((r) => item(r, false)), ...support.map((r) => item(r, true))];
  // "Why is this next" (H1) for the ticket the agent gets next.
  const first = items[0];
  if (first && main[0]) {
    first.why =
      main[0].preferred_agent_id === shift.user_id
        ? { code: 'transferred', params: { number: first.number } }
        : (explainNext(
            main.map((r): QueueEntry => ({
              id: r.id,
              number: r.number,
              priority: r.priority,
              arrivalAt: iso(r.arrival_at),
            })),
            cfg,
            Date.parse(now),
            recent,
          ) ?? undefined);
  } else if (first) {
    first.why = { code: 'support', params: { number: first.number } };
  }
  return items;
}
