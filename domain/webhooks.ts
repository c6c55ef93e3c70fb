// The lifecycle events a webhook may subscribe to (H8), for the API's validation and the back office's choices.
/** None listed on a webhook = all of them. */
export const WEBHOOK_EVENTS = [
  'ticket.created',
  'ticket.scheduled',
  'ticket.queued',
  'ticket.called',
  'ticket.recalled',
  'ticket.attending',
  'ticket.finished',
  'ticket.requeued',
  'ticket.cancelled',
  'ticket.no_show',
  'ticket.transferred',
  'ticket.note',
  'ticket.topics',
  'ticket.customer_edited',
  'ticket.confirmed',
  'ticket.on_my_way',
  'ticket.message_sent',
  'ticket.message_failed',
  'shift.state',
  // Issue 19: alerts (domain/alerts.ts ALERT_WEBHOOK_EVENTS).
  'alert.raised',
  'alert.cleared',
  'survey.answered', // issue 20: a customer's satisfaction answer (api/public/survey.ts)
] as const;
