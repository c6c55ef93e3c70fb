// Rows whose workflow is gone (terminated, failed, timed out): nothing will ever move them, so
// the sweeper and dispatch settle what can be settled without a person, and flag the rest for a
// supervisor's release (issue 12, item 5). These are the writes the sweeper, dispatch and a
// supervisor's release share; telling a shift workflow is the caller's (activities/stuck/closed-ticket.ts).
import type { Db } from '../knex.js';
import type { Actor, TicketStatus } from '../../domain/tickets.js';
import type { Step } from '../../domain/ticket-steps.js';
import { notifyShift, type ShiftRow } from '../shifts/row.js';
import type { TicketRow } from '../tickets/row.js';
import { returned } from '../returned.js';

/** Marks a ticket as waiting for a supervisor because its workflow is gone. */
export async function flagClosedTicket(db: Db, ticketId: string): Promise<void> {
  const t = await db('tickets').where({ id: ticketId }).first('id', 'workflow_id', 'entity_id', 'branch_id');
  if (!t) return;
  await db('stuck_work')
    .insert({
      workflow_id: t.workflow_id,
      kind: 'ticket',
      ticket_id: t.id,
      entity_id: t.entity_id,
      branch_id: t.branch_id,
      reason: 'workflow_closed',
    })
    .onConflict('workflow_id')
    .merge({ reason: 'workflow_closed', activity: null, attempt: null, updated_at: db.fn.now() });
}

/** A step written without the (gone) workflow: the next seq after the row's last one. */
export function rowStep(
  t: TicketRow,
  type: Step['type'],
  to: TicketStatus,
  actor: Actor,
  details: Record<string, unknown>,
  at = new Date().toISOString(),
): Step {
  const from = t.status;
  const patch: Step['patch'] =
    to === 'waiting' ? { status: to, agentId: null, deskId: null, queuedAt: at } : { status: to, endedAt: at };
  return { ticketId: t.id, seq: t.last_event_seq + 1, type, from, to, actor, at, details, patch };
}

/** The shift's workflow closed while the agent is still "at the desk": the shift ends and the desk is free. */
export async function settleClosedShift(db: Db, shiftId: string): Promise<boolean> {
  return db.transaction(async (trx) => {
    const row: ShiftRow | undefined = await trx('shifts').where({ id: shiftId }).forUpdate().first();
    if (!row || row.ended_at !== null) return false;
    const at = new Date().toISOString();
    await trx('shift_state_periods').where({ shift_id: shiftId }).whereNull('ended_at').update({ ended_at: at });
    const updated: ShiftRow = returned(
      await trx('shifts')
        .where({ id: shiftId })
        .update({ ended_at: at, state: 'offline', state_since: at, next_state: null, current_ticket_id: null })
        .returning('*'),
    );
    const branch: { entity_id: number } = await trx('branches').where({ id: row.branch_id }).first('entity_id');
    await notifyShift(trx, updated, branch.entity_id);
    await trx('stuck_work').where({ shift_id: shiftId }).delete();
    return true;
  });
}
