// A9: every ticket this agent may serve, in the order dispatch would give them: main services
// (a ticket transferred to the agent by name first) by the branch policy, then support services,
// which are served only when the main ones have nobody waiting (A6).
import type { Db } from '../../db/knex.js';
import { explainNext, type NextReason, type QueueEntry } from '../../domain/queue-order.js';
import type { TicketKind } from '../../domain/tickets.js';
import { eligibleFor, servicesOf } from '../../db/queue/eligible.js';
import { loadPolicy, policyOrder, recentCalls } from '../../db/queue/order.js';

export interface WaitingItem {
  ticketId: string; number: string; kind: TicketKind; customerName: string | null; customerIdNumber: string | null;
  scheduledAt: string | null; arrivalAt: string; priority: number; serviceId: number; serviceName: string; support: boolean; why?: NextReason;
}

type Row = Record<string, unknown>;
const iso = (v: unknown): string | null => (v instanceof Date ? v.toISOString() : (v as string | null) ?? null);

export async function waitingFor(db: Db, shift: { user_id: number; branch_id: number }): Promise<WaitingItem[]> {
  const services = await servicesOf(db, shift.user_id);
  const cfg = await loadPolicy(db, shift.branch_id);
  const recent = await recentCalls(db, shift.branch_id, cfg);
  const now = new Date().toISOString();
  const order = policyOrder(cfg, recent, now);
  const list = async (serviceIds: number[], withPreferred: boolean): Promise<Row[]> =>
    eligibleFor(db, db('tickets as t'), shift.user_id, shift.branch_id, serviceIds, withPreferred)
      .join('services as s', 's.id', 't.service_id').leftJoin('customers as c', 'c.id', 't.customer_id')
      .select('t.id', 't.number', 't.kind', 't.scheduled_at', 't.arrival_at', 't.priority', 't.service_id', 't.preferred_agent_id', 's.name as service_name',
        db.raw(`nullif(trim(c.first_name || ' ' || c.last_name), '') as customer_name`), 'c.id_number as customer_id_number')
      .orderByRaw('(t.preferred_agent_id is not distinct from ?) desc', [shift.user_id])
      .orderByRaw(order.sql, order.bindings).limit(500);
  const main = await list(services.main, true);
  const support = services.support.length ? await list(services.support, false) : [];
  const item = (r: Row, isSupport: boolean): WaitingItem => ({
    ticketId: r.id as string, number: r.number as string, kind: r.kind as TicketKind,
    customerName: (r.customer_name as string | null) ?? null, customerIdNumber: (r.customer_id_number as string | null) ?? null,
    scheduledAt: iso(r.scheduled_at), arrivalAt: iso(r.arrival_at) as string, priority: r.priority as number,
    serviceId: r.service_id as number, serviceName: r.service_name as string, support: isSupport,
  });
  const items = [...main.map((r) => item(r, false)), ...support.map((r) => item(r, true))];
  // "Why is this next" (H1) for the ticket the agent gets next.
  const first = items[0];
  if (first && main[0]) {
    first.why = main[0].preferred_agent_id === shift.user_id
      ? { code: 'transferred', params: { number: first.number } }
      : explainNext(main.map((r): QueueEntry => ({ id: r.id as string, number: r.number as string, priority: r.priority as number, arrivalAt: iso(r.arrival_at) as string })), cfg, Date.parse(now), recent) ?? undefined;
  } else if (first) {
    first.why = { code: 'support', params: { number: first.number } };
  }
  return items;
}
