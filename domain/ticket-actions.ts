// What a ticket in a given status offers (issue 14): the state machine's table (ALLOWED_FROM)
// read the other way round, for the UIs that show one button per action. The status sets
// themselves (OPEN_STATUSES, HELD_STATUSES, LIVE_STATUSES) live in tickets.ts.
import { ALLOWED_FROM, TICKET_ACTIONS, type TicketAction } from './ticket-rights.js';
import type { TicketStatus } from './tickets.js';

export { HELD_STATUSES, LIVE_STATUSES, OPEN_STATUSES, isHeld } from './tickets.js';

/** The actions the state machine accepts from `status`, for anyone (per-user rights: ticket-rights.ts). */
export const actionsAllowedFrom = (status: TicketStatus): TicketAction[] =>
  TICKET_ACTIONS.filter((a) => ALLOWED_FROM[a].includes(status));
