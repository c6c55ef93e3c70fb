// /api/message_providers (issue 20): the entity's SMS/WhatsApp provider, one per entity (the one
// contract carries the channel). Configuration: admins of the entity, audited; read by admins only,
// as webhooks (a URL may carry credentials); the token is write-only (db/models/message_provider.ts).
// The URL is saved only if the outbound policy lets the worker call it — the same check, and the
// same field code, as a webhook's.
import { Router } from 'express';
import { MessageProviderModel } from '../../db/models/message_provider.js';
import { DomainError } from '../../domain/errors.js';
import { outboundPolicy, type OutboundPolicy } from '../../platform/outbound/index.js';
import type { ApiDeps } from '../deps.js';
import { crudRoutes, type CrudResource } from '../http/crud.js';
import { refuseUnlessAdmin, refuseWrite } from '../http/reach.js';
import { checkDestination } from '../webhooks/routes.js';
import { MessageProviderCreate, MessageProviderFilter, MessageProviderUpdate } from './schemas.js';

export const messageProviderResource = (policy: OutboundPolicy): CrudResource<MessageProviderModel> => ({
  name: 'message_providers',
  audited: true,
  model: MessageProviderModel,
  fields: { id: 'message_providers.id', url: 'message_providers.url' },
  defaultSort: ['id', 'asc'],
  filter: MessageProviderFilter,
  search: (q, text) => void q.whereILike('message_providers.url', `%${text}%`),
  create: MessageProviderCreate,
  update: MessageProviderUpdate,
  readOnly: ['entityId', 'hasToken'],
  // Bookkeeping, not configuration: kept out of the audit log's before/after.
  computed: ['createdAt', 'updatedAt'],
  scope: (q, u) => void q.where('message_providers.entity_id', u.entityId),
  refuseRead: refuseUnlessAdmin,
  refuse: (u, op) => refuseWrite(u, 'message_providers', op),
  toRow: async (db, u, body, existing) => {
    if (typeof body.url === 'string') await checkDestination(policy, body.url);
    if (existing) return body;
    const taken = await db('message_providers').where({ entity_id: u.entityId }).first('id');
    if (taken)
      throw new DomainError(
        'Validation',
        {},
        { message: 'This entity has its provider already: edit it.', fields: { url: { code: 'already_used' } } },
      );
    return { ...body, entityId: u.entityId };
  },
});

export function messageProviderRoutes(deps: ApiDeps): Router {
  return crudRoutes(deps, messageProviderResource(outboundPolicy(deps.config.OUTBOUND_ALLOW ?? [])));
}
