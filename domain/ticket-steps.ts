// What one ticket step is, as the ticket workflow plans it and the step activity persists it.
// Both sides of that boundary import it from here, so neither imports the other (issue 14).
import type { TicketView } from './ticket-messages.js';
import type { Actor, AppointmentEntry, TicketStatus, TimelineEventType } from './tickets.js';

/** Per-service settings the workflow needs; loaded by activities, kept in state. */
export interface ServiceRules {
  callTimeoutSeconds: number;
  maxAutoRequeues: number;
  checkInWindowMinutes: number;
  topicIds: number[];
  /** Past this an attention is shown as overdue (VtStuck); absent in rules loaded before it existed. */
  maxAttentionMinutes?: number;
  /** When an appointment joins the queue (issue 16); absent in rules loaded before it existed: at its window. */
  appointmentEntry?: AppointmentEntry;
  /**
   * Issue 16: how long after its time an appointment whose customer never checked in is ended as
   * a no-show (the branch's setting); absent in rules loaded before it existed: never.
   */
  appointmentGraceMinutes?: number;
  /** Issue 19: the service's label and its branch's code, for readable search attributes; absent in rules loaded before they existed. */
  serviceLabel?: string;
  branchCode?: string;
}

/** Columns a step changes, beyond status timestamps. Mirrors TicketView names. */
export type TicketPatch = Partial<
  Pick<
    TicketView,
    | 'status'
    | 'agentId'
    | 'deskId'
    | 'serviceId'
    | 'priority'
    | 'arrivalAt'
    | 'recallCount'
    | 'requeueCount'
    | 'noAnswerCount'
    | 'topicIds'
    | 'customerId'
    | 'preferredAgentId'
  >
> & {
  queuedAt?: string;
  calledAt?: string;
  attendingAt?: string;
  endedAt?: string;
};

export interface Step {
  ticketId: string;
  seq: number;
  type: TimelineEventType;
  from: TicketStatus;
  to: TicketStatus;
  actor: Actor;
  at: string;
  details: Record<string, unknown>;
  patch: TicketPatch;
}

/**
 * When a scheduled appointment joins the queue by itself: as its check-in window opens, or never
 * when its service waits for the customer to check in (issue 16: nobody is called who has not
 * arrived). Rules loaded before the setting existed keep the window.
 */
export function selfQueueAt(scheduledAt: string, rules: ServiceRules): string | null {
  if (rules.appointmentEntry === 'check_in') return null;
  return new Date(Date.parse(scheduledAt) - rules.checkInWindowMinutes * 60_000).toISOString();
}

/**
 * When an appointment that waits for its customer is given up (issue 16): only one that does not
 * queue by itself (`selfQueueAt` is null), and only under rules that carry the setting.
 */
export function missedAt(scheduledAt: string, rules: ServiceRules): string | null {
  if (selfQueueAt(scheduledAt, rules) !== null || rules.appointmentGraceMinutes === undefined) return null;
  return new Date(Date.parse(scheduledAt) + rules.appointmentGraceMinutes * 60_000).toISOString();
}
