// GET /api/tickets: the B1–B5 filters over the read model.
import type { Request, Response } from 'express';
import { z } from 'zod';
import { ticketQuery } from '../../db/tickets/row.js';
import { foldedContains } from '../../db/text.js';
import { TICKET_KINDS, TICKET_STATUSES } from '../../domain/tickets.js';
import type { SessionUser } from '../auth/sessions.js';
import { applySort, idsFilter, ListQuery, sendPage, type FieldMap } from '../http/ra.js';
import { reachesWholeEntity } from '../http/reach.js';
import { parse } from '../http/validate.js';
import type { ApiDeps } from '../deps.js';
import { ticketsFor } from './read.js';

const oneOrMany = <T extends z.ZodType>(t: T) =>
  z.union([t, z.array(t).max(50)]).transform((v) => (Array.isArray(v) ? v : [v]));
const Filter = z
  .object({
    id: z.array(z.string().uuid()).max(200).optional(),
    branchId: z.coerce.number().int().optional(),
    departmentId: z.coerce.number().int().optional(),
    serviceId: oneOrMany(z.coerce.number().int()).optional(),
    agentId: z.coerce.number().int().optional(),
    status: oneOrMany(z.enum(TICKET_STATUSES)).optional(),
    kind: z.enum(TICKET_KINDS).optional(),
    number: z.string().max(12).optional(),
    q: z.string().max(100).optional(), // customer name or ID number, or agent name (B5), accents or not
    day: z.union([z.literal('today'), z.string().date()]).optional(),
    from: z.string().date().optional(),
    to: z.string().date().optional(),
  })
  .strip();

/** The ticket list counts at most this many matches (the total then reads 10000 and says it is capped). */
export const TICKET_COUNT_CAP = 10_000;

export const TICKET_FIELDS: FieldMap = {
  id: 't.id',
  number: 't.number',
  status: 't.status',
  kind: 't.kind',
  priority: 't.priority',
  arrivalAt: 't.arrival_at',
  calledAt: 't.called_at',
  endedAt: 't.ended_at',
  serviceId: 't.service_id',
  agentId: 't.agent_id',
  createdAt: 't.created_at',
  customerName: 'customer_name',
  serviceDay: 't.service_day',
};

export async function listTickets(
  d: Pick<ApiDeps, 'db' | 'config'>,
  user: SessionUser,
  req: Request,
  res: Response,
): Promise<void> {
  const query = parse(ListQuery, req.query);
  const f = parse(Filter, { ...(query.filter ?? {}), id: idsFilter(query.filter) });
  const q = ticketQuery(d.db).where('t.entity_id', user.entityId);
  if (!reachesWholeEntity(user)) q.where('t.branch_id', user.branchId);
  if (f.id) q.whereIn('t.id', f.id);
  if (f.branchId) q.where('t.branch_id', f.branchId);
  if (f.departmentId) q.where('s.department_id', f.departmentId);
  if (f.serviceId) q.whereIn('t.service_id', f.serviceId);
  if (f.agentId) q.where('t.agent_id', f.agentId);
  if (f.status) q.whereIn('t.status', f.status);
  if (f.kind) q.where('t.kind', f.kind);
  if (f.number) q.whereILike('t.number', `%${f.number}%`);
  const text = f.q;
  if (text)
    q.where((w) =>
      w
        .whereRaw(...foldedContains(`c.first_name || ' ' || c.last_name`, text))
        .orWhereILike('c.id_number', `%${text}%`)
        .orWhereRaw(...foldedContains(`u.first_name || ' ' || u.last_name`, text)),
    );
  if (f.day === 'today') q.whereRaw(`t.service_day = (now() at time zone b.timezone)::date`);
  else if (f.day) q.where('t.service_day', f.day);
  if (f.from) q.where('t.service_day', '>=', f.from);
  if (f.to) q.where('t.service_day', '<=', f.to);
  applySort(q, TICKET_FIELDS, query.sort, ['t.arrival_at', 'desc']);
  await sendPage(res, 'tickets', q, query.range, ticketsFor(d, user), { db: d.db, cap: TICKET_COUNT_CAP });
}
