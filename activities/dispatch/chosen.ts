// A12's "Attend": the agent calls the waiting ticket they chose. It goes through their shift
// like any dispatch (the shift workflow has already refused it unless the agent is Online and
// free), and is reserved on the shift row under its lock, so a chosen call and an automatic one
// never both land. Unlike dispatch, a chosen ticket that cannot be called is a refusal the agent
// reads (taken meanwhile, no longer waiting), not a reason to try the next one.
import type { Client } from '@temporalio/client';
import type { Db } from '../../db/knex.js';
import type { DispatchAgentArgs, Dispatched } from '../../domain/dispatch-activities.js';
import { DomainError } from '../../domain/errors.js';
import { callTicket } from '../../domain/ticket-messages.js';
import { HELD_STATUSES, isHeld, type TicketStatus } from '../../domain/tickets.js';
import { updateTicket } from '../../workflows/tickets/client.js';
import { isFree, release, type ShiftRow } from './claim.js';

type Chosen = Required<Pick<DispatchAgentArgs, 'chosen'>>['chosen'];
interface TicketRef {
  id: string;
  number: string;
  status: TicketStatus;
  agent_id: number | null;
  last_event_seq: number;
}

export async function callChosen(db: Db, temporal: Client, shiftId: string, chosen: Chosen): Promise<Dispatched> {
  const r = await db.transaction(async (trx): Promise<{ done: Dispatched } | { shift: ShiftRow; t: TicketRef }> => {
    const shift: ShiftRow | undefined = await trx('shifts').where({ id: shiftId }).forUpdate().first();
    if (!shift || shift.ended_at !== null) throw new DomainError('ShiftEnded');
    if (shift.state !== 'online') throw new DomainError('NotOnline', { state: shift.state });
    // Locked like a claim locks it: a dispatch claiming meanwhile skips it (SKIP LOCKED).
    const t: TicketRef | undefined = await trx('tickets')
      .where({ id: chosen.ticketId, branch_id: shift.branch_id })
      .forUpdate()
      .first('id', 'number', 'status', 'agent_id', 'last_event_seq');
    if (!t) throw new DomainError('NotFound', { resource: 'tickets' });
    // A retried attempt whose call already landed answers with it.
    if (shift.current_ticket_id === t.id && t.agent_id === shift.user_id && isHeld(t.status))
      return { done: { ticketId: t.id, number: t.number } };
    if (shift.current_ticket_id !== t.id && !(await isFree(trx, shift))) {
      const held: { number: string } | undefined = await trx('tickets')
        .where({ agent_id: shift.user_id })
        .whereIn('status', HELD_STATUSES)
        .first('number');
      throw new DomainError('AlreadyHasCustomer', { number: held?.number ?? null });
    }
    if (t.status !== 'waiting')
      throw new DomainError('TicketNotInStatus', {
        number: t.number,
        status: t.status,
        action: 'call',
        allowed: ['waiting'],
      });
    // Another agent's dispatch reserved it a moment ago (its call is in flight): it is theirs.
    const reserved = await trx('shifts')
      .where({ current_ticket_id: t.id })
      .whereNot({ id: shift.id })
      .whereNull('ended_at')
      .first('id');
    if (reserved) throw new DomainError('TicketHeldByOther', { number: t.number, action: 'call' });
    await trx('shifts').where({ id: shift.id }).update({ current_ticket_id: t.id });
    return { shift, t };
  });
  if ('done' in r) return r.done;
  const { shift, t } = r;
  try {
    await updateTicket(
      temporal,
      t.id,
      callTicket,
      { actor: chosen.actor, agentId: shift.user_id, deskId: shift.desk_id },
      `chosen-${shift.id}-${t.id}-${t.last_event_seq}`,
    );
  } catch (err) {
    // Refused by the ticket (taken or cancelled meanwhile): the reservation goes back, the refusal on to the agent.
    if (err instanceof DomainError) await release(db, shift.id, t.id);
    throw err;
  }
  return { ticketId: t.id, number: t.number };
}
