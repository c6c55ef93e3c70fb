// /api/webhook_deliveries (issue 13): what was sent to each webhook of the entity, read by the
// back office (ra-data-simple-rest, filter {webhookId}), and the two manual sends: "send test"
// on a webhook and "resend" on a delivery. Both answer the delivery after the attempt, so the
// screen shows its outcome at once. Admins only, like the webhooks (payloads name the entity's
// tickets and agents); another entity's ids answer 404.
import { randomUUID } from 'node:crypto';
import { Router, type Request, type RequestHandler } from 'express';
import { z } from 'zod';
import type { Db } from '../../db/knex.js';
import { WebhookDelivery } from '../../db/models/webhook_delivery.js';
import { DomainError } from '../../domain/errors.js';
import type { OutboundPolicy } from '../../platform/outbound/index.js';
import { requireUser } from '../auth/middleware.js';
import type { SessionUser } from '../auth/sessions.js';
import type { ApiDeps } from '../deps.js';
import type { CrudResource } from '../http/crud.js';
import { idempotent } from '../http/idempotent.js';
import { refuseUnlessAdmin } from '../http/reach.js';
import { deliverNow } from './deliver.js';
import { DEFAULT_DELIVERY } from './dispatcher.js';
import { parse } from '../http/validate.js';
import { ManualSendBody, WEBHOOK_TEST_EVENT, WebhookDeliveryFilter } from './schemas.js';

const ofEntity = (u: SessionUser): [string, number[]] => [
  'webhook_deliveries.webhook_id in (select id from webhooks where entity_id = ?)',
  [u.entityId],
];
const notWritable = () =>
  new DomainError(
    'NotWritable',
    { resource: 'webhook_deliveries' },
    { message: 'Deliveries are a record: resend one instead.' },
  );
const adminsOnly = refuseUnlessAdmin;

export const webhookDeliveries: CrudResource<WebhookDelivery> = {
  name: 'webhook_deliveries',
  model: WebhookDelivery,
  fields: {
    id: 'webhook_deliveries.id',
    webhookId: 'webhook_deliveries.webhook_id',
    event: 'webhook_deliveries.event',
    attempts: 'webhook_deliveries.attempts',
    createdAt: 'webhook_deliveries.created_at',
    lastAttemptAt: 'webhook_deliveries.last_attempt_at',
  },
  defaultSort: ['id', 'desc'],
  filter: WebhookDeliveryFilter,
  search: (q, text) => void q.whereILike('webhook_deliveries.event_key', `%${text}%`),
  customFilters: {
    status: (q, v) =>
      void (v === 'delivered'
        ? q.whereNotNull('webhook_deliveries.delivered_at')
        : q
            .whereNull('webhook_deliveries.delivered_at')
            [v === 'failed' ? 'whereNotNull' : 'whereNull']('webhook_deliveries.gave_up_at')),
  },
  scope: (q, u) => void q.whereRaw(...ofEntity(u)),
  refuseRead: adminsOnly,
  refuse: (u) => adminsOnly(u) ?? notWritable(),
  toRow: async () => {
    throw notWritable();
  },
};

const idParam = z
  .string()
  .regex(/^\d{1,10}$/)
  .transform(Number);
const notFound = (resource: string, raw: string) =>
  new DomainError('NotFound', { resource }, { message: `No ${resource} with id ${raw} here.` });

async function ownWebhook(db: Db, u: SessionUser, raw: string): Promise<{ id: number; entity_id: number }> {
  const id = idParam.safeParse(raw);
  const row = id.success
    ? await db('webhooks').where({ id: id.data, entity_id: u.entityId }).first('id', 'entity_id')
    : undefined;
  if (!row) throw notFound('webhooks', raw);
  return row;
}

async function ownDelivery(db: Db, u: SessionUser, raw: string): Promise<number> {
  const id = idParam.safeParse(raw);
  const row = id.success
    ? await WebhookDelivery.query(db)
        .whereRaw(...ofEntity(u))
        .findById(id.data)
    : undefined;
  if (!row) throw notFound('webhook_deliveries', raw);
  return row.id;
}

export function deliveryActions({ db, log }: Pick<ApiDeps, 'db' | 'log'>, policy: OutboundPolicy): Router {
  const r = Router();
  const onlyAdmins: RequestHandler = (_req, res, next) => next(adminsOnly(res.locals.user));
  const admin = [requireUser(db), onlyAdmins, idempotent(db, log)];

  r.post('/webhooks/:id/test', ...admin, async (req: Request<{ id: string }>, res) => {
    const hook = await ownWebhook(db, res.locals.user, req.params.id);
    parse(ManualSendBody, req.body ?? {});
    const key = `test:${randomUUID()}`;
    const payload = {
      event: WEBHOOK_TEST_EVENT,
      key,
      occurredAt: new Date().toISOString(),
      entityId: hook.entity_id,
      webhookId: hook.id,
    };
    const [row] = await db('webhook_deliveries')
      .insert({
        webhook_id: hook.id,
        event_key: key,
        event: WEBHOOK_TEST_EVENT,
        payload,
        next_attempt_at: db.raw("now() + interval '1 minute'"),
      })
      .returning('id');
    await deliverNow(db, DEFAULT_DELIVERY, policy, row.id as number, 'test');
    res.json(await WebhookDelivery.query(db).findById(row.id as number));
  });

  r.post('/webhook_deliveries/:id/resend', ...admin, async (req: Request<{ id: string }>, res) => {
    const id = await ownDelivery(db, res.locals.user, req.params.id);
    parse(ManualSendBody, req.body ?? {});
    await deliverNow(db, DEFAULT_DELIVERY, policy, id, 'resend');
    res.json(await WebhookDelivery.query(db).findById(id));
  });
  return r;
}
