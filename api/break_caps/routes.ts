// /api/break_caps: how long a break may last before supervisors hear of it (entity-wide).
import type { ApiDeps } from '../deps.js';
import { crudRoutes, type CrudResource } from '../http/crud.js';
import { refuseWrite } from '../http/reach.js';
import { BreakCap } from '../../db/models/break_cap.js';
import { BreakCapCreate, BreakCapFilter, BreakCapUpdate } from './schemas.js';

export const breakCaps: CrudResource<BreakCap> = {
  name: 'break_caps',
  audited: true,
  model: BreakCap,
  fields: { id: 'break_caps.id', state: 'break_caps.state', maxMinutes: 'break_caps.max_minutes' },
  defaultSort: ['state', 'asc'],
  filter: BreakCapFilter,
  create: BreakCapCreate,
  update: BreakCapUpdate,
  readOnly: ['entityId'],
  scope: (q, u) => void q.where('break_caps.entity_id', u.entityId),
  refuse: (u, op) => refuseWrite(u, 'break_caps', op),
  toRow: async (_db, u, body, existing) => (existing ? body : { ...body, entityId: u.entityId }),
};

export const breakCapRoutes = (deps: ApiDeps) => crudRoutes(deps, breakCaps);
