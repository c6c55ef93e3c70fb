// Issue 17: the status-page token's second step — "on my way". Once per call, the call waits one
// more call time-out from now (the ticket workflow keeps the deadline); the step is on the
// timeline with the customer as its actor, shown at the desk, and a webhook event (H8).
import { DomainError } from '../../domain/errors.js';
import * as msg from '../../domain/ticket-messages.js';
import { PUBLIC_RIGHTS, refusedPublic } from '../../domain/ticket-rights.js';
import { MACHINE_ACTORS, type Actor, type TicketStatus } from '../../domain/tickets.js';
import type { PublicStatus } from '../../domain/contracts/public.js';
import type { ApiDeps } from '../deps.js';
import { updateTicket } from '../../workflows/tickets/client.js';
import { statusOf } from './queries.js';

const CUSTOMER: Actor = { type: 'customer', name: MACHINE_ACTORS.statusPage };

export async function onMyWay(d: Pick<ApiDeps, 'db' | 'temporal'>, ticketId: string): Promise<PublicStatus> {
  const t: { status: TicketStatus; number: string } | undefined = await d
    .db('tickets')
    .where({ id: ticketId })
    .first('status', 'number');
  if (!t) throw new DomainError('LinkInvalid');
  const row = PUBLIC_RIGHTS.statusTokenOnMyWay;
  const refused = refusedPublic('statusTokenOnMyWay', t.status);
  if (refused)
    throw new DomainError(refused, { number: t.number, status: t.status, action: row.verb, allowed: row.from });
  const before = await statusOf(d.db, ticketId);
  // Saying it twice in one call is one wish: it answers the status, as the first time did.
  if (before.onTheWay) return before;
  try {
    await updateTicket(d.temporal, ticketId, msg.customerOnTheWay, { actor: CUSTOMER });
  } catch (err) {
    // Two taps racing: the workflow took the first and refused the second as AlreadyOnTheWay.
    if (!(err instanceof DomainError) || err.code !== 'AlreadyOnTheWay') throw err;
  }
  return statusOf(d.db, ticketId);
}
