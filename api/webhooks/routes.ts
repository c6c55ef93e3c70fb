// /api/webhooks (H8): an admin registers the entity's endpoints. Delivery: webhooks/dispatcher.ts.
import type { ApiDeps } from '../deps.js';
import { crudRoutes, type CrudResource } from '../http/crud.js';
import { adminOnly } from '../http/reach.js';
import { Webhook } from '../../db/models/webhook.js';
import { WebhookCreate, WebhookFilter, WebhookUpdate } from './schemas.js';

export const webhooks: CrudResource<Webhook> = {
  name: 'webhooks',
  model: Webhook,
  fields: { id: 'webhooks.id', url: 'webhooks.url', active: 'webhooks.active' },
  defaultSort: ['id', 'asc'],
  filter: WebhookFilter,
  search: (q, text) => void q.whereILike('webhooks.url', `%${text}%`),
  create: WebhookCreate,
  update: WebhookUpdate,
  readOnly: ['entityId', 'hasSecret'],
  scope: (q, u) => void q.where('webhooks.entity_id', u.entityId),
  // Reading too is admin-only: the URLs may carry tokens.
  refuseRead: (u) => (u.role === 'admin' ? undefined : adminOnly()),
  refuse: (u) => (u.role === 'admin' ? undefined : adminOnly()),
  toRow: async (_db, u, body, existing) => (existing ? body : { ...body, entityId: u.entityId }),
};

export const webhookRoutes = (deps: ApiDeps) => crudRoutes(deps, webhooks);
