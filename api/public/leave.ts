// H5, issue 13: the status-page token's one step — leave the queue. The ticket is cancelled by
// the same workflow Update staff use, with the customer as the actor on the timeline.
import { DomainError } from '../../domain/errors.js';
import * as msg from '../../domain/ticket-messages.js';
import { PUBLIC_RIGHTS, refusedPublic } from '../../domain/ticket-rights.js';
import { MACHINE_ACTORS, type Actor, type TicketStatus } from '../../domain/tickets.js';
import type { ApiDeps } from '../deps.js';
import { updateTicket } from '../../workflows/tickets/client.js';
import type { PublicStatus } from '../../domain/contracts/public.js';
import { statusOf } from './queries.js';

/** The timeline's reason, a code like the call time-out's `no_answer`. */
export const LEFT_QUEUE = 'left_queue';
const CUSTOMER: Actor = { type: 'customer', name: MACHINE_ACTORS.statusPage };

export async function leaveQueue(d: Pick<ApiDeps, 'db' | 'temporal'>, ticketId: string): Promise<PublicStatus> {
  const t: { status: TicketStatus; number: string } | undefined = await d
    .db('tickets')
    .where({ id: ticketId })
    .first('status', 'number');
  if (!t) throw new DomainError('LinkInvalid');
  const status = t.status;
  // Leaving twice is one wish: a cancelled ticket answers its status, not a refusal.
  if (status === 'cancelled') return statusOf(d.db, ticketId);
  const row = PUBLIC_RIGHTS.statusToken;
  const refused = refusedPublic('statusToken', status);
  if (refused) throw new DomainError(refused, { number: t.number, status, action: row.verb, allowed: row.from });
  try {
    // One update id per ticket: two taps racing run the cancel once and get the same answer.
    await updateTicket(
      d.temporal,
      ticketId,
      msg.cancelTicket,
      { actor: CUSTOMER, reason: LEFT_QUEUE },
      `leave:${ticketId}`,
    );
  } catch (err) {
    // The twin request ended the workflow first (TicketEnded): its outcome is this one's too.
    const now = await d.db('tickets').where({ id: ticketId }).first('status');
    if (!(err instanceof DomainError) || now?.status !== 'cancelled') throw err;
  }
  return statusOf(d.db, ticketId);
}
