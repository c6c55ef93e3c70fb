// An entity's webhook (H8). Create fills the event filter and activity; Update has no defaults,
// so editing the URL never resets the event filter (issue 12). Where a URL may point is not a
// matter of syntax: the outbound policy judges it when saved (routes.ts) and at each delivery.
import { z } from 'zod';
import { text } from '../../domain/text.js';
import { WEBHOOK_EVENTS } from '../../domain/webhooks.js';
import { baseFilter, flag, intId, oneOrMany } from '../http/filters.js';

export { WEBHOOK_EVENTS };

export const WebhookUrl = text({ max: 500, min: 1 }).pipe(z.url({ protocol: /^https?$/, message: 'invalid_url' }));

const WebhookFields = z
  .object({
    url: WebhookUrl,
    /** Write-only: signs each delivery (HMAC-SHA256); never sent back. Kept exactly as typed. */
    secret: text({ max: 128, min: 16, raw: true }),
    events: z.array(z.enum(WEBHOOK_EVENTS)).max(WEBHOOK_EVENTS.length),
    active: z.boolean(),
  })
  .strict();

export const WebhookCreate = WebhookFields.extend({
  events: WebhookFields.shape.events.default([]),
  active: WebhookFields.shape.active.default(true),
}).strict();
export const WebhookUpdate = WebhookFields.partial().strict();
export const WebhookFilter = z.object({ ...baseFilter, active: flag.optional() }).strict();

/** "Send test" and "resend" take nothing but the id in the path. */
export const ManualSendBody = z.object({}).strict();

/** Sent by "send test" (POST /webhooks/:id/test) whatever the webhook subscribes to. */
export const WEBHOOK_TEST_EVENT = 'webhook.test';

export const WEBHOOK_DELIVERY_STATUSES = ['delivered', 'failed', 'pending'] as const;
export const WebhookDeliveryFilter = z
  .object({
    ...baseFilter,
    webhookId: oneOrMany(intId).optional(),
    status: z.enum(WEBHOOK_DELIVERY_STATUSES).optional(),
  })
  .strict();
