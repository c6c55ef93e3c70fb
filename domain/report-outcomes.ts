// Issue 19: how an ended ticket ended, by who ended it (the actor and reason of its ending step on
// the timeline). One code per ended ticket, so the buckets add up to the ended tickets:
// - served: finished;
// - no_show_timeout: the call time-out's no-show (the system, after the automatic requeues);
// - no_show_marked: an agent (or supervisor) marked the customer absent;
// - missed_appointment: an appointment whose customer never checked in (reason `not_checked_in`);
// - cancelled_staff: a person of the organisation cancelled it (agent, supervisor, admin), or any
//   actor that is not the customer;
// - left_before_called: the customer left (status page "leave the queue", the kiosk): customers
//   may cancel only while scheduled or waiting, so always before being (called or) called again.
export const OUTCOMES = [
  'served',
  'no_show_timeout',
  'no_show_marked',
  'missed_appointment',
  'cancelled_staff',
  'left_before_called',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

/**
 * Abandonment: customers who joined the queue and went without being served — they left, or did
 * not come when called. Staff cancellations are not the customer's doing, and a missed
 * appointment never joined the queue; both are reported apart.
 */
export const ABANDONED_OUTCOMES: readonly Outcome[] = ['left_before_called', 'no_show_timeout', 'no_show_marked'];
