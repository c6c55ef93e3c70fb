// /api/priorities: the entity's priority levels (H1), e.g. Elderly = 2.
import type { ApiDeps } from '../deps.js';
import { crudRoutes, type CrudResource } from '../http/crud.js';
import { refuseWrite } from '../http/reach.js';
import { Priority } from '../../db/models/priority.js';
import { PriorityCreate, PriorityFilter, PriorityUpdate } from './schemas.js';

export const priorities: CrudResource<Priority> = {
  name: 'priorities',
  audited: true,
  model: Priority,
  fields: { id: 'priorities.id', name: 'priorities.name', level: 'priorities.level', entityId: 'priorities.entity_id' },
  defaultSort: ['level', 'asc'],
  filter: PriorityFilter,
  search: (q, text) => void q.whereILike('priorities.name', `%${text}%`),
  create: PriorityCreate,
  update: PriorityUpdate,
  readOnly: ['entityId'],
  scope: (q, u) => void q.where('priorities.entity_id', u.entityId),
  refuse: (u, op) => refuseWrite(u, 'priorities', op),
  toRow: async (_db, u, body, existing) => (existing ? body : { ...body, entityId: u.entityId }),
};

export const priorityRoutes = (deps: ApiDeps) => crudRoutes(deps, priorities);
