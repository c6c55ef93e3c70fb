// The video call's answers (G4, D1–D12): join grants, chat, tags, terms.
import { z } from 'zod';
import { TICKET_STATUSES } from '../tickets.js';
import { Instant, Uuid } from './common.js';

/** A signed SFU join token for one room, and the ticket it serves. */
export const JoinGrant = z
  .object({
    sfuUrl: z.string(),
    token: z.string(),
    roomId: Uuid,
    peerId: z.string(),
    openedAt: Instant,
    ticket: z.object({ id: Uuid, number: z.string(), status: z.enum(TICKET_STATUSES) }).strict(),
  })
  .strict();
/** D10: the agent also gets the customer's anonymous link. */
export const AgentJoin = JoinGrant.extend({ guestToken: z.string(), guestUrl: z.string() }).strict();
/**
 * The customer's grant, and whom they are about to meet (issue 16): their entity, and the first
 * name of the agent holding the ticket (null while nobody does, e.g. after a transfer). Nothing
 * beyond what the link's own ticket shows.
 */
export const GuestJoin = JoinGrant.extend({
  customerName: z.string(),
  entityName: z.string(),
  agentFirstName: z.string().nullable(),
}).strict();

export const ChatFile = z
  .object({ id: Uuid, name: z.string(), mime: z.string(), size: z.number().int().positive() })
  .strict();
/** D12: a text or a file, from the agent (user) or the customer. */
export const ChatMessage = z
  .object({
    id: z.number().int(),
    senderType: z.enum(['user', 'customer']),
    senderName: z.string(),
    body: z.string().nullable(),
    file: ChatFile.nullable(),
    at: Instant,
  })
  .strict();
export type ChatMessage = z.infer<typeof ChatMessage>;
/** D11: pinned to the moment of the call, in ms since the room opened. */
export const Tag = z
  .object({ id: z.number().int(), offsetMs: z.number().int().positive(), body: z.string(), at: Instant })
  .strict();
export type Tag = z.infer<typeof Tag>;
export const TermsSent = z.object({ termsId: Uuid }).strict();

/** pg NOTIFY channel of in-call facts: only the SFU listens, and relays each to its room's participants (issue 13). */
export const ROOM_FACTS_CHANNEL = 'ventanilla_room_facts';
const fact = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.object({ kind: z.literal('video'), type: z.literal(type), roomId: z.string().max(64), ...shape }).strict();
const Presence = { role: z.enum(['agent', 'guest']), name: z.string() };
/** An in-call fact as the API announces it and the room's participants receive it (`roomEvent`). */
export const RoomFact = z.discriminatedUnion('type', [
  fact('chat', { message: ChatMessage }),
  fact('tag', { tag: Tag }),
  fact('terms_sent', { termsId: Uuid, text: z.string() }),
  fact('terms_answered', { termsId: Uuid, accepted: z.boolean() }),
  fact('video_joined', Presence),
  fact('video_left', Presence),
]);
export type RoomFact = z.infer<typeof RoomFact>;
/** What a fact adds to `{ kind, type, roomId }`, per type. */
export type RoomFactPayload<T extends RoomFact['type']> = Omit<
  Extract<RoomFact, { type: T }>,
  'kind' | 'type' | 'roomId'
>;
