// Turns a claim into a call: the ticket workflow's callTicket Update. A refusal (the ticket was
// cancelled or taken between claim and call, or the agent picked another ticket by hand) gives
// the reservation back; the caller then tries the next ticket or another agent.
import type { Client } from '@temporalio/client';
import { updateTicket } from '../../workflows/tickets/client.js';
import type { Db } from '../../db/knex.js';
import { DomainError } from '../../domain/errors.js';
import { DISPATCH_ACTOR } from '../../domain/shift-messages.js';
import { callTicket } from '../../domain/ticket-messages.js';
import { release, type Claimed, type ShiftRow } from './claim.js';
import { flagClosedTicket } from '../../db/stuck/closed.js';
import { HELD_STATUSES, isHeld } from '../../domain/tickets.js';

export type CallOutcome = 'called' | 'ticket-gone' | 'agent-busy';

export async function callClaimed(db: Db, temporal: Client, shift: ShiftRow, claim: Claimed): Promise<CallOutcome> {
  try {
    // The update id names this claim: a retried activity gets the first call's answer, not a second call.
    await updateTicket(
      temporal,
      claim.ticketId,
      callTicket,
      { actor: DISPATCH_ACTOR, agentId: shift.user_id, deskId: shift.desk_id },
      `dispatch-${shift.id}-${claim.ticketId}-${claim.seq}`,
    );
    return 'called';
  } catch (err) {
    if (!(err instanceof DomainError)) throw err; // Temporal or network trouble: the activity retries
    const t = await db('tickets').where({ id: claim.ticketId }).first('status', 'agent_id');
    // Its workflow is gone while the row still waits: flag it (health, monitor, release) so no
    // claim picks it again, instead of offering a dead ticket for ever.
    if (err.code === 'TicketEnded' && t?.status === 'waiting') await flagClosedTicket(db, claim.ticketId);
    // An earlier attempt of this same claim may have called it already.
    if (t && t.agent_id === shift.user_id && isHeld(t.status)) return 'called';
    await release(db, shift.id, claim.ticketId);
    const busy = await db('tickets').where({ agent_id: shift.user_id }).whereIn('status', HELD_STATUSES).first('id');
    return busy ? 'agent-busy' : 'ticket-gone';
  }
}
