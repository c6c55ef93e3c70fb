// /api/entities: the user's own entity only (H7). Entities are created by the platform operator.
import type { ApiDeps } from '../deps.js';
import { crudRoutes, type CrudResource } from '../http/crud.js';
import { refuseUnlessAdmin } from '../http/reach.js';
import { DomainError } from '../../domain/errors.js';
import { Entity } from '../../db/models/entity.js';
import { EntityFilter, EntityUpdate } from './schemas.js';

export const entities: CrudResource<Entity> = {
  name: 'entities',
  audited: true,
  model: Entity,
  fields: {
    id: 'entities.id',
    name: 'entities.name',
    slug: 'entities.slug',
    retentionMonths: 'entities.retention_months',
  },
  defaultSort: ['name', 'asc'],
  filter: EntityFilter,
  search: (q, text) => void q.whereILike('entities.name', `%${text}%`),
  update: EntityUpdate,
  readOnly: ['slug'],
  scope: (q, u) => void q.where('entities.id', u.entityId),
  refuse: (u, op) => {
    if (op !== 'update')
      return new DomainError(
        'NotWritable',
        { resource: 'entities' },
        { message: 'Entities are created and removed by the platform operator, not through the API.' },
      );
    return refuseUnlessAdmin(u);
  },
  toRow: async (_db, _u, body) => body,
};

export const entityRoutes = (deps: ApiDeps) => crudRoutes(deps, entities);
