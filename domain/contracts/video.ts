// The video call's answers (G4, D1–D12): join grants, chat, tags, terms.
import { z } from 'zod';
import { TICKET_STATUSES } from '../tickets.js';
import { Instant, Uuid } from './common.js';

/** A signed SFU join token for one room, and the ticket it serves. */
export const JoinGrant = z.object({
  sfuUrl: z.string(), token: z.string(), roomId: Uuid, peerId: z.string(), openedAt: Instant,
  ticket: z.object({ id: Uuid, number: z.string(), status: z.enum(TICKET_STATUSES) }).strict(),
}).strict();
/** D10: the agent also gets the customer's anonymous link. */
export const AgentJoin = JoinGrant.extend({ guestToken: z.string(), guestUrl: z.string() }).strict();
export const GuestJoin = JoinGrant.extend({ customerName: z.string() }).strict();

export const ChatFile = z.object({ id: Uuid, name: z.string(), mime: z.string(), size: z.number().int().positive() }).strict();
/** D12: a text or a file, from the agent (user) or the customer. */
export const ChatMessage = z.object({
  id: z.number().int(), senderType: z.enum(['user', 'customer']), senderName: z.string(), body: z.string().nullable(),
  file: ChatFile.nullable(), at: Instant,
}).strict();
export type ChatMessage = z.infer<typeof ChatMessage>;
/** D11: pinned to the moment of the call, in ms since the room opened. */
export const Tag = z.object({ id: z.number().int(), offsetMs: z.number().int().positive(), body: z.string(), at: Instant }).strict();
export type Tag = z.infer<typeof Tag>;
export const TermsSent = z.object({ termsId: Uuid }).strict();
