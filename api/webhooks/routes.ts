// /api/webhooks (H8): an admin registers the entity's endpoints; /api/webhook_deliveries and the
// manual sends: deliveries.ts. Delivery: webhooks/dispatcher.ts. A URL is saved only if the
// outbound policy lets the platform call it (issue 13: no loopback, private or metadata address).
import { Router } from 'express';
import { Webhook } from '../../db/models/webhook.js';
import { DomainError } from '../../domain/errors.js';
import { outboundPolicy, OutboundRefused, type OutboundPolicy } from '../../platform/outbound/index.js';
import type { ApiDeps } from '../deps.js';
import { crudRoutes, type CrudResource } from '../http/crud.js';
import { refuseUnlessAdmin, refuseWrite } from '../http/reach.js';
import { deliveryActions, webhookDeliveries } from './deliveries.js';
import { WebhookCreate, WebhookFilter, WebhookUpdate } from './schemas.js';

/** A URL the outbound policy refuses is a field error on `url` (private_address), for every resource that stores one. */
export async function checkDestination(policy: OutboundPolicy, url: string): Promise<void> {
  try {
    await policy.checkUrl(new URL(url));
  } catch (err) {
    if (!(err instanceof OutboundRefused)) throw err;
    throw new DomainError(
      'Validation',
      {},
      { message: err.message, fields: { url: { code: 'private_address', params: { reason: err.reason } } } },
    );
  }
}

export const webhookResource = (policy: OutboundPolicy): CrudResource<Webhook> => ({
  name: 'webhooks',
  audited: true,
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
  refuseRead: refuseUnlessAdmin,
  refuse: (u, op) => refuseWrite(u, 'webhooks', op),
  toRow: async (_db, u, body, existing) => {
    if (typeof body.url === 'string') await checkDestination(policy, body.url);
    return existing ? body : { ...body, entityId: u.entityId };
  },
});

export function webhookRoutes(deps: ApiDeps): Router {
  const policy = outboundPolicy(deps.config.OUTBOUND_ALLOW ?? []);
  const r = Router();
  r.use(deliveryActions(deps, policy));
  r.use(crudRoutes(deps, webhookResource(policy)));
  r.use(crudRoutes(deps, webhookDeliveries));
  return r;
}
