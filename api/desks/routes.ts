// /api/desks: where agents serve from (A7).
import { raw } from 'objection';
import type { ApiDeps } from '../deps.js';
import { crudRoutes, type CrudResource } from '../http/crud.js';
import { assertBranch, inReach, refuseWrite } from '../http/reach.js';
import { Desk } from '../../db/models/desk.js';
import { DeskCreate, DeskFilter, DeskUpdate } from './schemas.js';

export const desks: CrudResource<Desk> = {
  name: 'desks',
  audited: true,
  model: Desk,
  fields: { id: 'desks.id', name: 'desks.name', branchId: 'desks.branch_id' },
  defaultSort: ['name', 'asc'],
  filter: DeskFilter,
  search: (q, text) => void q.whereILike('desks.name', `%${text}%`),
  create: DeskCreate,
  update: DeskUpdate,
  readOnly: ['branchId'],
  computed: ['heldBy', 'heldByUserId'],
  scope: (q, u) => {
    void q.whereRaw(...inReach('desks.branch_id', u));
    // Issue 16: who holds each desk (an open shift), so the desk picker marks the taken ones.
    void q.select(
      'desks.*',
      raw(`(select s.user_id from shifts s where s.desk_id = desks.id and s.ended_at is null) as held_by_user_id`),
      raw(`(select trim(u.first_name || ' ' || u.last_name) from shifts s join users u on u.id = s.user_id
             where s.desk_id = desks.id and s.ended_at is null) as held_by`),
    );
  },
  refuse: (u, op) => refuseWrite(u, 'desks', op),
  toRow: async (db, u, body, existing) => {
    if (!existing) await assertBranch(db, u, body.branchId as number);
    return body;
  },
};

export const deskRoutes = (deps: ApiDeps) => crudRoutes(deps, desks);
