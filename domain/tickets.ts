// Ticket vocabulary shared by workflows, activities, API and UIs. No I/O here.
import type { Role } from './agents.js';

export const TICKET_STATUSES = [
  'scheduled', // appointment not yet inside its check-in window
  'waiting',
  'calling',
  'attending',
  'finished',
  'cancelled',
  'no_show',
] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const ENDED_STATUSES: readonly TicketStatus[] = ['finished', 'cancelled', 'no_show'];
export const isEnded = (s: TicketStatus): boolean => ENDED_STATUSES.includes(s);
/** Not ended: the ticket still has a running workflow and can change. */
export const OPEN_STATUSES = [
  'scheduled',
  'waiting',
  'calling',
  'attending',
] as const satisfies readonly TicketStatus[];
/** In the branch's queue or at a desk: what the monitor and a video room count as live. */
export const LIVE_STATUSES = ['waiting', 'calling', 'attending'] as const satisfies readonly TicketStatus[];
/** An agent holds the ticket: called to their desk or being served there (the busy rule). */
export const HELD_STATUSES = ['calling', 'attending'] as const satisfies readonly TicketStatus[];
export const isHeld = (s: TicketStatus): boolean => (HELD_STATUSES as readonly TicketStatus[]).includes(s);

export const TICKET_KINDS = ['turn', 'virtual', 'appointment'] as const;
export type TicketKind = (typeof TICKET_KINDS)[number];

/** Who did a step: a user, the customer (kiosk, guest link) or the system (timers). */
export interface Actor {
  type: 'user' | 'customer' | 'system';
  id?: number;
  name?: string;
  /** For users: agents may only act on tickets they hold; supervisors, admins and operators on any. */
  role?: Role;
}
export const SYSTEM: Actor = { type: 'system', name: 'system' }; // MACHINE_ACTORS.system, below

/**
 * The names the timeline stores for steps no person took (timers, dispatch, the kiosk, the status
 * page), by the key both UIs translate them under: no English name reaches a Spanish screen.
 */
export const MACHINE_ACTORS = {
  system: 'system',
  dispatch: 'dispatch',
  kiosk: 'kiosk',
  statusPage: 'status page',
} as const;
export type MachineActor = keyof typeof MACHINE_ACTORS;

/** The translation key of a step's actor, when no person took the step. */
export function machineActorOf(a: { type: string; name?: string | null }): MachineActor | undefined {
  if (a.type === 'user') return undefined;
  return (Object.keys(MACHINE_ACTORS) as MachineActor[]).find((k) => MACHINE_ACTORS[k] === a.name);
}

/** What happens inside a video call (D*): recorded on the ticket's timeline, no status change. */
export const CALL_EVENT_TYPES = [
  'room_opened',
  'room_closed',
  'video_joined',
  'video_left',
  'terms_sent',
  'terms_answered',
  'tag',
  'file',
] as const;
export type CallEventType = (typeof CALL_EVENT_TYPES)[number];

export const TIMELINE_EVENT_TYPES = [
  'created',
  'scheduled',
  'queued',
  'called',
  'recalled',
  'attending',
  'finished',
  'requeued',
  'cancelled',
  'no_show',
  'transferred',
  'note',
  'topics',
  'customer_edited',
  'confirmed',
  /** The customer, called, said from the status page they are coming: the call waits once more (issue 17). */
  'on_my_way',
  /** Issue 20: a message to the customer was accepted by its relay or provider, or given up (domain/messages.ts). */
  'message_sent',
  'message_failed',
  /** Issue 20: the customer answered (or changed) the satisfaction survey: score and whether a comment, not its text. */
  'survey_answered',
  ...CALL_EVENT_TYPES,
] as const;
export type TimelineEventType = (typeof TIMELINE_EVENT_TYPES)[number];

/** The steps that start a call's clock: its time-out counts from the latest of them. */
export const CALL_CLOCK_STEPS = ['called', 'recalled', 'on_my_way'] as const satisfies readonly TimelineEventType[];

/** Whether the customer said "on my way" since the last call or recall, from the timeline's step types in order. */
export const saidOnTheWay = (types: readonly string[]): boolean =>
  types.filter((t) => (CALL_CLOCK_STEPS as readonly string[]).includes(t)).at(-1) === 'on_my_way';

/** Ticket display number: service label + day sequence, e.g. A-007. */
export const formatTicketNumber = (label: string, seq: number): string => `${label}-${String(seq).padStart(3, '0')}`;

/** Workflow ids derive from the ticket id so the API, ops and the DB agree on one name. */
/** The reason on a missed appointment's no-show (issue 16): a code, worded by each UI and counted by the reports. */
export const MISSED_REASON = 'not_checked_in';

export const ticketWorkflowId = (ticketId: string): string => `ticket-${ticketId}`;

/** What an appointment (H6) is at: its ticket's end decides the last three (issue 16: never left "booked"). */
export const APPOINTMENT_STATUSES = ['booked', 'confirmed', 'checked_in', 'served', 'cancelled', 'missed'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];
/** How an appointment's ended ticket leaves its appointment. */
export const APPOINTMENT_END: Partial<Record<TicketStatus, AppointmentStatus>> = {
  finished: 'served',
  cancelled: 'cancelled',
  no_show: 'missed',
};

/**
 * Per service (issue 16): whether an appointment joins the queue by itself when its check-in
 * window opens, or only when the customer checks in (the default: nobody is called who has not
 * arrived).
 */
export const APPOINTMENT_ENTRIES = ['check_in', 'window'] as const;
export type AppointmentEntry = (typeof APPOINTMENT_ENTRIES)[number];

/** Level an appointment gets when it enters the queue at its check-in window (H6). */
export const APPOINTMENT_PRIORITY = 1;
