// /api/branches: admins create and remove branches; a supervisor tunes their own branch.
import type { ApiDeps } from '../deps.js';
import { crudRoutes, type CrudResource } from '../http/crud.js';
import { inReach, refuseWrite } from '../http/reach.js';
import { Branch } from '../../db/models/branch.js';
import { BranchCreate, BranchFilter, BranchUpdate } from './schemas.js';
import { assertTimezone } from './timezones.js';

export const branches: CrudResource<Branch> = {
  name: 'branches',
  audited: true,
  model: Branch,
  fields: {
    id: 'branches.id',
    name: 'branches.name',
    code: 'branches.code',
    orderingPolicy: 'branches.ordering_policy',
    createdAt: 'branches.created_at',
  },
  defaultSort: ['name', 'asc'],
  filter: BranchFilter,
  search: (q, text) =>
    void q.where((w) => w.whereILike('branches.name', `%${text}%`).orWhereILike('branches.code', `%${text}%`)),
  create: BranchCreate,
  update: BranchUpdate,
  readOnly: ['entityId'],
  scope: (q, u) => void q.whereRaw(...inReach('branches.id', u)),
  refuse: (u, op) => refuseWrite(u, 'branches', op),
  toRow: async (db, u, body, existing) => {
    if (typeof body.timezone === 'string') await assertTimezone(db, body.timezone);
    return existing ? body : { ...body, entityId: u.entityId };
  },
};

export const branchRoutes = (deps: ApiDeps) => crudRoutes(deps, branches);
