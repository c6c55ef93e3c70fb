// Issue 20: the back office's outbox, one row per message and channel (GET /api/messages).
import { z } from 'zod';
import { MESSAGE_CHANNELS, MESSAGE_KINDS, MESSAGE_LANGS, MESSAGE_STATUSES } from './messages.js';

/** A row of the back office's outbox (GET /api/messages). */
export const Message = z.object({
  id: z.number(),
  ticketId: z.string(),
  ticketNumber: z.string(),
  branchId: z.number(),
  kind: z.enum(MESSAGE_KINDS),
  channel: z.enum(MESSAGE_CHANNELS),
  lang: z.enum(MESSAGE_LANGS),
  recipient: z.string().nullable(),
  subject: z.string().nullable(),
  body: z.string().nullable(),
  status: z.enum(MESSAGE_STATUSES),
  attempts: z.number(),
  providerId: z.string().nullable(),
  error: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export type Message = z.infer<typeof Message>;
