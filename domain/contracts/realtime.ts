// The change events the database announces (pg NOTIFY, sent inside the writing transaction) and
// socket.io fans out to the UIs. Every event names its entity so it can only reach that entity's
// rooms; an event that does not parse is dropped rather than broadcast. Senders: db/tickets/rows.ts,
// db/shifts/step.ts, db/tickets/notifications.ts, activities/shifts/breaks.ts, db/video/rooms.ts,
// api/auth/sessions.ts — all through db/announce.ts.
import { z } from 'zod';
import { AGENT_STATES } from '../agents.js';
import { ALERT_KINDS } from '../alerts.js';
import { TICKET_STATUSES, TIMELINE_EVENT_TYPES } from '../tickets.js';
import { Id, Instant } from './common.js';

/** A ticket step committed: `type` is the step's timeline event, `seq` its number on the timeline. */
export const TicketEvent = z.object({
  kind: z.literal('ticket'),
  type: z.enum(TIMELINE_EVENT_TYPES),
  ticketId: z.string(),
  entityId: Id,
  branchId: Id,
  serviceId: Id,
  status: z.enum(TICKET_STATUSES),
  agentId: Id.nullable(),
  deskId: Id.nullable(),
  number: z.string(),
  seq: z.number().int(),
  /** When the step happened (workflow time), so listeners can measure their delay. */
  at: Instant,
});
export type TicketEvent = z.infer<typeof TicketEvent>;

/** A shift step committed (state, next state, manual mode, the ticket it holds, its end). */
export const ShiftEvent = z.object({
  kind: z.literal('shift'),
  entityId: Id,
  branchId: Id,
  userId: Id,
  shiftId: z.string(),
  state: z.enum(AGENT_STATES),
  nextState: z.enum(AGENT_STATES).nullable(),
  manualMode: z.boolean(),
  ended: z.boolean(),
  /** The ticket the shift holds, when it holds one. */
  ticketId: z.string().optional(),
});
export type ShiftEvent = z.infer<typeof ShiftEvent>;

/** A notification for one user (A2): the UI fetches it by id. */
export const NotificationEvent = z.object({ kind: z.literal('notification'), entityId: Id, userId: Id, id: Id });
export type NotificationEvent = z.infer<typeof NotificationEvent>;

export const VIDEO_ROOM_EVENT_TYPES = [
  'room_opened',
  'room_closed',
  /** The ticket went back to waiting (transfer, requeue): its holder left the call. */
  'room_access_changed',
] as const;
/** Video room changes (D1: the room opened, closed), for the ticket's watchers and the SFU. */
export const VideoEvent = z.object({
  kind: z.literal('video'),
  type: z.enum(VIDEO_ROOM_EVENT_TYPES),
  ticketId: z.string(),
  roomId: z.string(),
  entityId: Id,
  branchId: Id,
});
export type VideoEvent = z.infer<typeof VideoEvent>;

/** A session ended (log out, password change, deactivation, role change): its sockets are disconnected. */
export const SessionEndedEvent = z.object({ kind: z.literal('session_ended'), sessionHash: z.string().max(128) });
export type SessionEndedEvent = z.infer<typeof SessionEndedEvent>;

/** A user's rights changed (role, branch, activity, deletion): their sockets re-check their rooms. */
export const UserChangedEvent = z.object({ kind: z.literal('user_changed'), userId: Id });
export type UserChangedEvent = z.infer<typeof UserChangedEvent>;

/** Issue 19: an alert raised or cleared, for its branch's monitors and bells (domain/alerts.ts). */
export const AlertEvent = z.object({
  kind: z.literal('alert'),
  entityId: Id,
  branchId: Id,
  alertId: Id,
  alertKind: z.enum(ALERT_KINDS),
  state: z.enum(['raised', 'cleared']),
  /** When it was raised or cleared, so listeners can measure their delay (bench/alert-delay.ts). */
  at: Instant,
});
export type AlertEvent = z.infer<typeof AlertEvent>;

export const KnownEvent = z.discriminatedUnion('kind', [
  TicketEvent,
  AlertEvent,
  ShiftEvent,
  NotificationEvent,
  VideoEvent,
  SessionEndedEvent,
  UserChangedEvent,
]);
export type KnownEvent = z.infer<typeof KnownEvent>;

/** What the public namespace (display, status page) hears of a ticket event: no agent, no customer. */
export const PublicTicketEvent = TicketEvent.pick({
  type: true,
  ticketId: true,
  number: true,
  status: true,
  deskId: true,
  serviceId: true,
});
export type PublicTicketEvent = z.infer<typeof PublicTicketEvent>;
