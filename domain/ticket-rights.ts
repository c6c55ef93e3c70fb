// Who may do what to a ticket (issue 13; requirements A, A12, B7, C, D, H5, H6), written once:
// the API enforces it (api/tickets/access.ts for staff, api/public/ for the status page and the
// kiosk), its documentation prints it, the UIs offer only what it allows, and the ticket workflow
// keeps the holder rule and the customer's row as its own last guards.
import type { Role } from './agents.js';
import type { ErrorCode } from './errors.js';
import { isHeld, type TicketStatus } from './tickets.js';

export const TICKET_ACTIONS = [
  'call',
  'recall',
  'attend',
  'finish',
  'requeue',
  'cancel',
  /** The holder says the called customer did not come (H2 by hand, issue 16), before the call times out. */
  'no-show',
  'transfer',
  'notes',
  'topics',
  'customer',
  'confirm',
  'check-in',
  'on-my-way',
] as const;
export type TicketAction = (typeof TICKET_ACTIONS)[number];

/** The statuses each action is legal from (G1): the state machine refuses the rest, for everyone. */
export const ALLOWED_FROM: Record<TicketAction, readonly TicketStatus[]> = {
  call: ['waiting'],
  recall: ['calling'],
  attend: ['calling'],
  finish: ['attending'],
  requeue: ['calling', 'attending'],
  cancel: ['scheduled', 'waiting', 'calling'],
  'no-show': ['calling'],
  transfer: ['waiting', 'calling', 'attending'],
  notes: ['scheduled', 'waiting', 'calling', 'attending'],
  topics: ['attending'],
  customer: ['scheduled', 'waiting', 'calling', 'attending'],
  confirm: ['scheduled'],
  'check-in': ['scheduled'],
  'on-my-way': ['calling'],
};

/** What the holder — the agent calling or attending the ticket — may do (C, D, D2). */
const HOLDER: readonly TicketAction[] = [
  'recall',
  'attend',
  'finish',
  'topics',
  'notes',
  'customer',
  'requeue',
  'transfer',
  'cancel',
  'no-show',
];
/** What any agent of the branch with an open shift may do to a ticket nobody holds (A12, B7). */
const ANY_AGENT: Partial<Record<TicketAction, readonly TicketStatus[]>> = {
  call: ['waiting'],
  transfer: ['waiting'],
  cancel: ['scheduled', 'waiting'],
  'check-in': ['scheduled'],
  confirm: ['scheduled'],
};

export interface Who {
  role: Role;
  userId: number;
  hasOpenShift: boolean;
}
export interface TicketFacts {
  status: TicketStatus;
  agentId: number | null;
}

/** undefined when allowed; otherwise the refusal's code. Branch and entity reach are checked before. */
export function refusedAction(who: Who, action: TicketAction, t: TicketFacts): ErrorCode | undefined {
  if (who.role !== 'agent') return undefined; // supervisors of the branch and admins: any action
  if (!ALLOWED_FROM[action].includes(t.status)) return undefined; // illegal for anyone: the workflow says why
  const holding = t.agentId === who.userId && isHeld(t.status);
  if (holding)
    return HOLDER.includes(action) && (action !== 'cancel' || t.status === 'calling') ? undefined : 'HolderOnly';
  const allowed = ANY_AGENT[action];
  if (!allowed || !allowed.includes(t.status)) return t.agentId !== null ? 'TicketHeldByOther' : 'HolderOnly';
  return who.hasOpenShift ? undefined : 'LoginAtDeskFirst';
}

/**
 * Who acts without a login (H5, H6). Each credential reaches one thing, checked by its route
 * before this rule: the status-page token its own ticket, the kiosk its own branch's appointments
 * of today (branch time zone). `refused` is what a step from another status answers: the token's
 * holder sees their ticket, so the state machine's own code; the kiosk says nothing about a
 * ticket it did not hand out.
 */
export const PUBLIC_RIGHTS = {
  /** The customer's status-page token: leave the queue (a cancel with a customer actor). */
  statusToken: { action: 'cancel', verb: 'leave', from: ['scheduled', 'waiting'], refused: 'TicketNotInStatus' },
  /** The same token, once called: "on my way" (the call waits one more call time-out, once per call). */
  statusTokenOnMyWay: { action: 'on-my-way', verb: 'say on my way', from: ['calling'], refused: 'TicketNotInStatus' },
  /** The branch kiosk: check in an appointment, found by the customer's ID number. */
  kiosk: { action: 'check-in', verb: 'check in', from: ['scheduled'], refused: 'AlreadyCheckedIn' },
} as const satisfies Record<
  string,
  { action: TicketAction; verb: string; from: readonly TicketStatus[]; refused: ErrorCode }
>;
export type PublicWho = keyof typeof PUBLIC_RIGHTS;

/** undefined when the public credential may take its one step from this status; otherwise the refusal's code. */
export function refusedPublic(who: PublicWho, status: TicketStatus): ErrorCode | undefined {
  const row = PUBLIC_RIGHTS[who];
  return (row.from as readonly TicketStatus[]).includes(status) ? undefined : row.refused;
}

/** The rule in words, for the API documentation. */
export const TICKET_RIGHTS_DOC =
  'Who: the holder (the agent calling or attending it) may recall, attend, finish, set topics, add notes, edit the customer, requeue, transfer, and cancel or mark a no-show while calling; any agent of the branch with an open shift may call a waiting ticket to their own desk, transfer a waiting ticket, cancel a scheduled or waiting ticket, check in and confirm appointments; supervisors of the branch and admins may do anything. ' +
  `Without a login: the customer's status-page token may leave the queue (cancel its own ticket) while it is ${PUBLIC_RIGHTS.statusToken.from.join(' or ')}, ` +
  `and say it is on its way while it is ${PUBLIC_RIGHTS.statusTokenOnMyWay.from.join(' or ')} (once per call: the call waits one more call time-out); ` +
  `a branch's kiosk may check in that branch's appointments of today (branch time zone) while ${PUBLIC_RIGHTS.kiosk.from.join(' or ')}, found by the customer's ID number.`;
