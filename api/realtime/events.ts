// The change events the database announces (pg NOTIFY on EVENTS_CHANNEL, sent inside the writing
// transaction) and socket.io fans out. Every event names its entity so it can only reach that
// entity's rooms; an event without one is dropped rather than broadcast.
import { z } from 'zod';
import type { Knex } from 'knex';
import { EVENTS_CHANNEL } from '../../db/knex.js';

const id = z.number().int().positive();

export const TicketEvent = z.object({
  kind: z.literal('ticket'), type: z.string(), ticketId: z.string(), entityId: id, branchId: id,
  serviceId: id, status: z.string(), agentId: id.nullable().optional(), deskId: id.nullable().optional(),
  number: z.string(), seq: z.number().int().optional(),
}).loose();
export const ShiftEvent = z.object({ kind: z.literal('shift'), entityId: id, branchId: id, userId: id }).loose();
export const NotificationEvent = z.object({ kind: z.literal('notification'), entityId: id, userId: id, id }).loose();
/** Video room changes (D1: the customer joined, the room closed), for the ticket's watchers. */
export const VideoEvent = z.object({ kind: z.literal('video'), type: z.string(), ticketId: z.string(), entityId: id, branchId: id }).loose();
/** A session ended (log out, password change, deactivation, role change): its sockets are disconnected. */
export const SessionEndedEvent = z.object({ kind: z.literal('session_ended'), sessionHash: z.string().max(128) });
/** A user's rights changed (role, branch, activity, deletion): their sockets re-check their rooms. */
export const UserChangedEvent = z.object({ kind: z.literal('user_changed'), userId: id });

export const KnownEvent = z.discriminatedUnion('kind', [TicketEvent, ShiftEvent, NotificationEvent, VideoEvent, SessionEndedEvent, UserChangedEvent]);
export type KnownEvent = z.infer<typeof KnownEvent>;

/** Announces an event when (and only if) the surrounding transaction commits. */
export async function announce(db: Knex | Knex.Transaction, event: KnownEvent): Promise<void> {
  await db.raw('select pg_notify(?, ?)', [EVENTS_CHANNEL, JSON.stringify(event)]);
}
