// GET /api/shifts (ra-data-simple-rest) and GET /api/shifts/:id for supervisors: their branch,
// or the whole entity for admins and branch-less supervisors; agents see their own shifts.
import type { Request, Response } from 'express';
import { z } from 'zod';
import type { Db } from '../../db/knex.js';
import { AGENT_STATES } from '../../domain/agents.js';
import { DomainError } from '../../domain/errors.js';
import type { SessionUser } from '../auth/sessions.js';
import { flag, intId } from '../http/filters.js';
import { applySort, ListQuery, sendPage, type FieldMap } from '../http/ra.js';
import { reachesWholeEntity } from '../http/reach.js';
import { parse } from '../http/validate.js';
import { shiftQuery, toShiftView, type ShiftNamedRow } from '../../db/shifts/row.js';

const Filter = z
  .object({
    id: z.union([z.string().uuid(), z.array(z.string().uuid()).max(200)]).optional(),
    branchId: intId.optional(),
    userId: intId.optional(),
    deskId: intId.optional(),
    state: z.enum(AGENT_STATES).optional(),
    open: flag.optional(),
    day: z.string().date().optional(),
  })
  .strip();

const FIELDS: FieldMap = {
  id: 's.id',
  userId: 's.user_id',
  deskId: 's.desk_id',
  branchId: 's.branch_id',
  state: 's.state',
  stateSince: 's.state_since',
  startedAt: 's.started_at',
  endedAt: 's.ended_at',
  userName: 'user_name',
};

const scoped = (db: Db, user: SessionUser) => {
  const q = shiftQuery(db).where('b.entity_id', user.entityId);
  if (user.role === 'agent') q.where('s.user_id', user.id);
  else if (!reachesWholeEntity(user)) q.where('s.branch_id', user.branchId);
  return q;
};

export async function listShifts(db: Db, user: SessionUser, req: Request, res: Response): Promise<void> {
  const query = parse(ListQuery, req.query);
  const f = parse(Filter, query.filter ?? {});
  const q = scoped(db, user);
  if (f.id) q.whereIn('s.id', Array.isArray(f.id) ? f.id : [f.id]);
  if (f.branchId) q.where('s.branch_id', f.branchId);
  if (f.userId) q.where('s.user_id', f.userId);
  if (f.deskId) q.where('s.desk_id', f.deskId);
  if (f.state) q.where('s.state', f.state);
  if (f.open !== undefined) q.where((w) => (f.open ? w.whereNull('s.ended_at') : w.whereNotNull('s.ended_at')));
  if (f.day) q.whereRaw(`(s.started_at at time zone b.timezone)::date = ?`, [f.day]);
  applySort(q, FIELDS, query.sort, ['s.started_at', 'desc']);
  await sendPage(res, 'shifts', q, query.range, (r: ShiftNamedRow) => toShiftView(r));
}

export async function loadShiftFor(db: Db, user: SessionUser, id: string): Promise<ShiftNamedRow> {
  if (!z.string().uuid().safeParse(id).success) throw new DomainError('NotFound', { resource: 'shifts' });
  const row: ShiftNamedRow | undefined = await scoped(db, user).where('s.id', id).first();
  if (!row) throw new DomainError('NotFound', { resource: 'shifts' });
  return row;
}
