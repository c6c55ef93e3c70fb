import { z } from 'zod';
import { baseFilter, flag } from '../http/filters.js';

/** Every lifecycle event a webhook may subscribe to (H8); none listed = all of them. */
export const WEBHOOK_EVENTS = [
  'ticket.created', 'ticket.scheduled', 'ticket.queued', 'ticket.called', 'ticket.recalled', 'ticket.attending',
  'ticket.finished', 'ticket.requeued', 'ticket.cancelled', 'ticket.no_show', 'ticket.transferred',
  'ticket.note', 'ticket.topics', 'ticket.customer_edited', 'ticket.confirmed', 'shift.state',
] as const;

export const WebhookUrl = z.string().trim().max(500).pipe(z.url({ protocol: /^https?$/, message: 'an http:// or https:// URL' }));

export const WebhookCreate = z.object({
  url: WebhookUrl,
  /** Write-only: signs each delivery (HMAC-SHA256); never sent back. */
  secret: z.string().min(16, 'at least 16 characters').max(128),
  events: z.array(z.enum(WEBHOOK_EVENTS)).max(WEBHOOK_EVENTS.length).default([]),
  active: z.boolean().default(true),
}).strict();
export const WebhookUpdate = WebhookCreate.partial().strict();
export const WebhookFilter = z.object({ ...baseFilter, active: flag.optional() }).strict();
