// Who may do what to a ticket (issue 13; requirements A, A12, B7, C, D), written once: the API
// enforces it (api/tickets/access.ts), its documentation prints it, the UIs offer only what it
// allows, and the ticket workflow keeps the holder rule as its own last guard.
import type { Role } from './agents.js';
import type { ErrorCode } from './errors.js';
import type { TicketStatus } from './tickets.js';

export const TICKET_ACTIONS = ['call', 'recall', 'attend', 'finish', 'requeue', 'cancel', 'transfer', 'notes', 'topics', 'customer', 'confirm', 'check-in'] as const;
export type TicketAction = (typeof TICKET_ACTIONS)[number];

/** The statuses each action is legal from (G1): the state machine refuses the rest, for everyone. */
export const ALLOWED_FROM: Record<TicketAction, readonly TicketStatus[]> = {
  call: ['waiting'], recall: ['calling'], attend: ['calling'], finish: ['attending'], requeue: ['calling', 'attending'],
  cancel: ['scheduled', 'waiting', 'calling'], transfer: ['waiting', 'calling', 'attending'],
  notes: ['scheduled', 'waiting', 'calling', 'attending'], topics: ['attending'],
  customer: ['scheduled', 'waiting', 'calling', 'attending'], confirm: ['scheduled'], 'check-in': ['scheduled'],
};

/** What the holder — the agent calling or attending the ticket — may do (C, D, D2). */
const HOLDER: readonly TicketAction[] = ['recall', 'attend', 'finish', 'topics', 'notes', 'customer', 'requeue', 'transfer', 'cancel'];
/** What any agent of the branch with an open shift may do to a ticket nobody holds (A12, B7). */
const ANY_AGENT: Partial<Record<TicketAction, readonly TicketStatus[]>> = {
  call: ['waiting'], transfer: ['waiting'], cancel: ['scheduled', 'waiting'], 'check-in': ['scheduled'], confirm: ['scheduled'],
};

export interface Who { role: Role; userId: number; hasOpenShift: boolean }
export interface TicketFacts { status: TicketStatus; agentId: number | null }

/** undefined when allowed; otherwise the refusal's code. Branch and entity reach are checked before. */
export function refusedAction(who: Who, action: TicketAction, t: TicketFacts): ErrorCode | undefined {
  if (who.role !== 'agent') return undefined; // supervisors of the branch and admins: any action
  if (!ALLOWED_FROM[action].includes(t.status)) return undefined; // illegal for anyone: the workflow says why
  const holding = t.agentId === who.userId && (t.status === 'calling' || t.status === 'attending');
  if (holding) return HOLDER.includes(action) && (action !== 'cancel' || t.status === 'calling') ? undefined : 'HolderOnly';
  const allowed = ANY_AGENT[action];
  if (!allowed || !allowed.includes(t.status)) return t.agentId !== null ? 'TicketHeldByOther' : 'HolderOnly';
  return who.hasOpenShift ? undefined : 'LoginAtDeskFirst';
}

/** The rule in words, for the API documentation. */
export const TICKET_RIGHTS_DOC = 'Who: the holder (the agent calling or attending it) may recall, attend, finish, set topics, add notes, edit the customer, requeue, transfer, and cancel while calling; any agent of the branch with an open shift may call a waiting ticket to their own desk, transfer a waiting ticket, cancel a scheduled or waiting ticket, check in and confirm appointments; supervisors of the branch and admins may do anything.';
