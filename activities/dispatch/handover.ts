// Issue 15: finishing an attention and choosing the agent's next customer are one database
// transaction. The step that ends the attention (finished, no-show, cancelled) runs this inside
// its own transaction: under the agent's shift row lock it lets the ended ticket go and claims
// the next one by the branch's order (SKIP LOCKED), reserving it on the shift. The shift, told
// that the attention ended, then only calls its reservation (dispatch.ts) — one Update.
import type { Knex } from 'knex';
import type { Step } from '../../domain/ticket-steps.js';
import { isEnded, isHeld } from '../../domain/tickets.js';
import { claimNext, isFree, type ShiftRow } from './claim.js';

interface HandoverShift extends ShiftRow {
  next_state: string | null;
}

/**
 * Reserves the next ticket for the agent whose attention `step` ends, when their shift would
 * dispatch at once anyway: open, Online, automatic, no next state pending. A requeue or a
 * transfer is left to the shift's own dispatch, which keeps the released ticket from the same
 * agent while someone else is free. Returns the reserved ticket's id, or null.
 */
export async function reserveNextOnEnd(
  trx: Knex.Transaction,
  step: Step,
  agentId: number | null,
): Promise<string | null> {
  if (agentId === null || !isHeld(step.from) || !isEnded(step.to)) return null;
  const shift: HandoverShift | undefined = await trx('shifts')
    .where({ user_id: agentId })
    .whereNull('ended_at')
    .forUpdate()
    .first();
  if (!shift || shift.state !== 'online' || shift.manual_mode) return null;
  if (shift.next_state !== null && shift.next_state !== shift.state) return null; // A4: a break comes first
  if (shift.current_ticket_id !== null && shift.current_ticket_id !== step.ticketId) return null;
  const freed = { ...shift, current_ticket_id: null };
  if (!(await isFree(trx, freed))) return null; // holds another ticket (a call by hand)
  if (shift.current_ticket_id !== null) await trx('shifts').where({ id: shift.id }).update({ current_ticket_id: null });
  // Main services only: a support ticket (A6: only while no main one waits) is chosen by the
  // shift's own dispatch, at the call, so a main customer who arrives meanwhile still comes first.
  const claim = await claimNext(trx, freed, [step.ticketId], { mainOnly: true });
  return claim?.ticketId ?? null;
}
