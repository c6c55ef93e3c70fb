// Read models for the unauthenticated pages. They disclose ticket numbers and desks, never
// customers: a display or a status page is seen by strangers.
import type { Db } from '../../db/knex.js';
import { DomainError } from '../../domain/errors.js';

const iso = (v: unknown): string | null => (v instanceof Date ? v.toISOString() : (v as string | null) ?? null);
const today = `t.service_day = (now() at time zone b.timezone)::date`;

export async function activeBranch(db: Db, branchId: number) {
  const b = await db('branches').where({ id: branchId }).first('id', 'name', 'entity_id');
  if (!b) throw new DomainError('NotFound', { resource: 'branches' });
  return { id: b.id as number, name: b.name as string, entityId: b.entity_id as number };
}

export async function kioskServices(db: Db, branchId: number) {
  const rows = await db('services').where({ branch_id: branchId, active: true }).orderBy('label').select('id', 'name', 'label');
  return rows.map((s) => ({ id: s.id as number, name: s.name as string, label: s.label as string }));
}

const calledTicket = (r: Record<string, unknown>) => ({
  ticketId: r.id as string, number: r.number as string, status: r.status as string, deskName: (r.desk_name as string | null) ?? null,
  serviceName: r.service_name as string, calledAt: iso(r.called_at), recallCount: r.recall_count as number,
});

/** C9: who is being called now, and the last calls of the day. */
export async function displayOf(db: Db, branchId: number) {
  const base = () => db('tickets as t').join('branches as b', 'b.id', 't.branch_id').join('services as s', 's.id', 't.service_id')
    .leftJoin('desks as d', 'd.id', 't.desk_id').where('t.branch_id', branchId).whereRaw(today).whereNotNull('t.called_at')
    .select('t.id', 't.number', 't.status', 't.called_at', 't.recall_count', 'd.name as desk_name', 's.name as service_name');
  const calling = await base().where('t.status', 'calling').orderBy('t.called_at', 'desc').limit(6);
  const recent = await base().whereNot('t.status', 'calling').whereNotNull('t.desk_id').orderBy('t.called_at', 'desc').limit(8);
  return { calling: calling.map(calledTicket), recent: recent.map(calledTicket) };
}

/** H5: the customer's view of their own ticket. */
export async function statusOf(db: Db, ticketId: string) {
  const t = await db('tickets as t').join('branches as b', 'b.id', 't.branch_id').join('services as s', 's.id', 't.service_id')
    .leftJoin('desks as d', 'd.id', 't.desk_id').where('t.id', ticketId)
    .first('t.id', 't.number', 't.status', 't.service_id', 't.priority', 't.arrival_at', 't.branch_id', 't.service_day',
      'b.name as branch_name', 's.name as service_name', 'd.name as desk_name');
  if (!t) throw new DomainError('NotFound', { resource: 'tickets' });
  let ahead: number | null = null;
  if (t.status === 'waiting') {
    const [{ count }] = (await db('tickets').where({ service_id: t.service_id, service_day: t.service_day, status: 'waiting' })
      .where((w) => w.where('priority', '>', t.priority).orWhere((x) => x.where('priority', t.priority).andWhere('arrival_at', '<', t.arrival_at)))
      .count({ count: '*' })) as [{ count: string | number }];
    ahead = Number(count);
  }
  return {
    number: t.number as string, status: t.status as string, branchId: t.branch_id as number, branchName: t.branch_name as string,
    serviceName: t.service_name as string, deskName: (t.desk_name as string | null) ?? null, ahead,
  };
}
