// Read models for the unauthenticated pages (domain/contracts/public.ts). They disclose ticket
// numbers and desks, never customers: a display or a status page is seen by strangers.
import { iso } from '../../db/dates.js';
import type { Db } from '../../db/knex.js';
import type { CalledTicket, DisplayView, KioskPriority, PublicStatus } from '../../domain/contracts/public.js';
import type { ServiceRef } from '../../domain/contracts/shifts.js';
import { DomainError } from '../../domain/errors.js';
import { CALL_CLOCK_STEPS, saidOnTheWay, type TicketStatus } from '../../domain/tickets.js';
import { PACE_CALLS, PACE_WINDOW_MS, estimateWaitMinutes } from '../../domain/wait-estimate.js';
import { eventsOf } from '../../db/tickets/events.js';

const today = `t.service_day = (now() at time zone b.timezone)::date`;

export interface ActiveBranch {
  id: number;
  name: string;
  entityId: number;
}

export async function activeBranch(db: Db, branchId: number): Promise<ActiveBranch> {
  const b: { id: number; name: string; entity_id: number } | undefined = await db('branches')
    .where({ id: branchId })
    .first('id', 'name', 'entity_id');
  if (!b) throw new DomainError('NotFound', { resource: 'branches' });
  return { id: b.id, name: b.name, entityId: b.entity_id };
}

export async function kioskServices(db: Db, branchId: number): Promise<ServiceRef[]> {
  const rows: ServiceRef[] = await db('services')
    .where({ branch_id: branchId, active: true })
    .orderBy('label')
    .select('id', 'name', 'label');
  return rows.map(({ id, name, label }) => ({ id, name, label }));
}

/** Issue 20: the priorities the kiosk offers — the entity's levels above normal marked for it, highest first. */
export async function kioskPriorities(db: Db, entityId: number): Promise<KioskPriority[]> {
  return db('priorities')
    .where({ entity_id: entityId, at_kiosk: true })
    .where('level', '>', 0)
    .orderBy([{ column: 'level', order: 'desc' }, 'name'])
    .select('id', 'name');
}

interface CalledRow {
  id: string;
  number: string;
  status: TicketStatus;
  called_at: Date | null;
  recall_count: number;
  desk_name: string | null;
  service_name: string;
}
const calledTicket = (r: CalledRow): CalledTicket => ({
  ticketId: r.id,
  number: r.number,
  status: r.status,
  deskName: r.desk_name,
  serviceName: r.service_name,
  calledAt: iso(r.called_at),
  recallCount: r.recall_count,
});

/** C9: who is being called now, and the last calls of the day. */
export async function displayOf(db: Db, branchId: number): Promise<Omit<DisplayView, 'branchName'>> {
  const base = () =>
    db('tickets as t')
      .join('branches as b', 'b.id', 't.branch_id')
      .join('services as s', 's.id', 't.service_id')
      .leftJoin('desks as d', 'd.id', 't.desk_id')
      .where('t.branch_id', branchId)
      // A video customer is not in the room: their call is neither shown nor read aloud (issue 16).
      .whereNot('t.kind', 'virtual')
      .whereRaw(today)
      .whereNotNull('t.called_at')
      .select(
        't.id',
        't.number',
        't.status',
        't.called_at',
        't.recall_count',
        'd.name as desk_name',
        's.name as service_name',
      );
  const calling: CalledRow[] = await base().where('t.status', 'calling').orderBy('t.called_at', 'desc').limit(6);
  const recent: CalledRow[] = await base()
    .whereNot('t.status', 'calling')
    .whereNotNull('t.desk_id')
    .orderBy('t.called_at', 'desc')
    .limit(8);
  return { calling: calling.map(calledTicket), recent: recent.map(calledTicket) };
}

interface StatusRow {
  id: string;
  number: string;
  status: TicketStatus;
  service_id: number;
  priority: number;
  arrival_at: Date;
  branch_id: number;
  service_day: string;
  branch_name: string;
  service_name: string;
  desk_name: string | null;
}

/** H5: the customer's view of their own ticket. */
export async function statusOf(db: Db, ticketId: string): Promise<PublicStatus> {
  const t: StatusRow | undefined = await db('tickets as t')
    .join('branches as b', 'b.id', 't.branch_id')
    .join('services as s', 's.id', 't.service_id')
    .leftJoin('desks as d', 'd.id', 't.desk_id')
    .where('t.id', ticketId)
    .first(
      't.id',
      't.number',
      't.status',
      't.service_id',
      't.priority',
      't.arrival_at',
      't.branch_id',
      't.service_day',
      'b.name as branch_name',
      's.name as service_name',
      'd.name as desk_name',
    );
  if (!t) throw new DomainError('NotFound', { resource: 'tickets' });
  let ahead: number | null = null;
  let waitMinutes: number | null = null;
  if (t.status === 'waiting') {
    const counted: { count: number }[] = await db('tickets')
      .where({ service_id: t.service_id, service_day: t.service_day, status: 'waiting' })
      .where((w) =>
        w
          .where('priority', '>', t.priority)
          .orWhere((x) => x.where('priority', t.priority).andWhere('arrival_at', '<', t.arrival_at)),
      )
      .count({ count: '*' });
    ahead = Number(counted[0]?.count ?? 0);
    waitMinutes = estimateWaitMinutes(ahead, await recentCalls(db, t.service_id, t.service_day), new Date());
  }
  return {
    number: t.number,
    status: t.status,
    onTheWay: t.status === 'calling' && (await onTheWayNow(db, ticketId)),
    branchId: t.branch_id,
    branchName: t.branch_name,
    serviceName: t.service_name,
    deskName: t.desk_name,
    ahead,
    waitMinutes,
  };
}

/** Whether the customer said "on my way" after the ticket's last call or recall (the latest clock step). */
async function onTheWayNow(db: Db, ticketId: string): Promise<boolean> {
  const last: { type: string } | undefined = await eventsOf(db, ticketId)
    .whereIn('type', CALL_CLOCK_STEPS)
    .orderBy('seq', 'desc')
    .first('type');
  return saidOnTheWay(last ? [last.type] : []);
}

/** When the service's latest tickets of the day were called (the pace of the estimated wait). */
async function recentCalls(db: Db, serviceId: number, serviceDay: string): Promise<Date[]> {
  const rows: { called_at: Date }[] = await db('tickets')
    .where({ service_id: serviceId, service_day: serviceDay })
    .where('called_at', '>=', new Date(Date.now() - PACE_WINDOW_MS))
    .orderBy('called_at', 'desc')
    .limit(PACE_CALLS)
    .select('called_at');
  return rows.map((r) => r.called_at);
}
