// GET /api/tickets: the B1–B5 filters over the read model.
import type { Request, Response } from 'express';
import { z } from 'zod';
import type { Db } from '../../db/knex.js';
import { TICKET_KINDS, TICKET_STATUSES } from '../../domain/tickets.js';
import type { SessionUser } from '../auth/sessions.js';
import { applySort, idsFilter, ListQuery, sendPage, type FieldMap } from '../http/ra.js';
import { reachesWholeEntity } from '../http/reach.js';
import { parse } from '../http/validate.js';

const oneOrMany = <T extends z.ZodType>(t: T) => z.union([t, z.array(t).max(50)]).transform((v) => (Array.isArray(v) ? v : [v]));
const Filter = z.object({
  id: z.array(z.string().uuid()).max(200).optional(),
  branchId: z.coerce.number().int().optional(),
  departmentId: z.coerce.number().int().optional(),
  serviceId: oneOrMany(z.coerce.number().int()).optional(),
  agentId: z.coerce.number().int().optional(),
  status: oneOrMany(z.enum(TICKET_STATUSES)).optional(),
  kind: z.enum(TICKET_KINDS).optional(),
  number: z.string().max(12).optional(),
  q: z.string().max(100).optional(), // customer name or ID number
  day: z.union([z.literal('today'), z.string().date()]).optional(),
  from: z.string().date().optional(),
  to: z.string().date().optional(),
}).strip();

/** Tickets with the names a list or detail shows (service, desk, customer, agent). */
export const ticketRows = (db: Db) => db('tickets as t')
  .join('services as s', 's.id', 't.service_id')
  .join('branches as b', 'b.id', 't.branch_id')
  .leftJoin('customers as c', 'c.id', 't.customer_id')
  .leftJoin('users as u', 'u.id', 't.agent_id')
  .leftJoin('desks as d', 'd.id', 't.desk_id')
  .select('t.*', 's.name as service_name', 's.department_id', 'd.name as desk_name',
    db.raw(`trim(c.first_name || ' ' || c.last_name) as customer_name`), 'c.id_number as customer_id_number',
    db.raw(`trim(u.first_name || ' ' || u.last_name) as agent_name`));

export const TICKET_FIELDS: FieldMap = {
  id: 't.id', number: 't.number', status: 't.status', kind: 't.kind', priority: 't.priority',
  arrivalAt: 't.arrival_at', calledAt: 't.called_at', endedAt: 't.ended_at', serviceId: 't.service_id',
  agentId: 't.agent_id', createdAt: 't.created_at', customerName: 'customer_name', serviceDay: 't.service_day',
};

export async function listTickets(db: Db, user: SessionUser, req: Request, res: Response): Promise<void> {
  const query = parse(ListQuery, req.query);
  const f = parse(Filter, { ...(query.filter ?? {}), id: idsFilter(query.filter) });
  const q = ticketRows(db).where('t.entity_id', user.entityId);
  if (!reachesWholeEntity(user)) q.where('t.branch_id', user.branchId);
  if (f.id) q.whereIn('t.id', f.id);
  if (f.branchId) q.where('t.branch_id', f.branchId);
  if (f.departmentId) q.where('s.department_id', f.departmentId);
  if (f.serviceId) q.whereIn('t.service_id', f.serviceId);
  if (f.agentId) q.where('t.agent_id', f.agentId);
  if (f.status) q.whereIn('t.status', f.status);
  if (f.kind) q.where('t.kind', f.kind);
  if (f.number) q.whereILike('t.number', `%${f.number}%`);
  if (f.q) q.where((w) => w.whereRaw(`(c.first_name || ' ' || c.last_name) ilike ?`, [`%${f.q}%`]).orWhereILike('c.id_number', `%${f.q}%`));
  if (f.day === 'today') q.whereRaw(`t.service_day = (now() at time zone b.timezone)::date`);
  else if (f.day) q.where('t.service_day', f.day);
  if (f.from) q.where('t.service_day', '>=', f.from);
  if (f.to) q.where('t.service_day', '<=', f.to);
  applySort(q, TICKET_FIELDS, query.sort, ['t.arrival_at', 'desc']);
  await sendPage(res, 'tickets', q, query.range, ticketListItem);
}

const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : (v as string | null) ?? null);
export const ticketListItem = (r: Record<string, unknown>) => ({
  id: r.id, number: r.number, status: r.status, kind: r.kind, priority: r.priority,
  branchId: r.branch_id, serviceId: r.service_id, serviceName: r.service_name, departmentId: r.department_id,
  customerId: r.customer_id, customerName: r.customer_name || null, customerIdNumber: r.customer_id_number ?? null,
  agentId: r.agent_id, agentName: r.agent_name || null, deskId: r.desk_id, deskName: r.desk_name ?? null,
  arrivalAt: iso(r.arrival_at), scheduledAt: iso(r.scheduled_at), calledAt: iso(r.called_at),
  attendingAt: iso(r.attending_at), endedAt: iso(r.ended_at), statusSince: iso(r.updated_at),
  recallCount: r.recall_count, requeueCount: r.requeue_count, serviceDay: r.service_day,
});
