// Rows whose workflow is gone (terminated, failed, timed out): nothing will ever move them, so
// the sweeper and dispatch settle what can be settled without a person, and flag the rest for a
// supervisor's release (issue 12, item 5). Terminating a ticket workflow frees its agent by itself.
import type { Client } from '@temporalio/client';
import type { Db } from '../../db/knex.js';
import { SYSTEM, type Actor, type TicketStatus } from '../../domain/tickets.js';
import type { Step } from '../../domain/ticket-steps.js';
import { tellShift } from '../../workflows/shifts/client.js';
import { notifyShift } from '../shifts/step.js';
import { applyStep } from '../tickets/steps.js';

type Row = Record<string, unknown>;
const OPEN: TicketStatus[] = ['scheduled', 'waiting', 'calling', 'attending'];

/** Marks a ticket as waiting for a supervisor because its workflow is gone. */
export async function flagClosedTicket(db: Db, ticketId: string): Promise<void> {
  const t = await db('tickets').where({ id: ticketId }).first('id', 'workflow_id', 'entity_id', 'branch_id');
  if (!t) return;
  await db('stuck_work').insert({ workflow_id: t.workflow_id, kind: 'ticket', ticket_id: t.id, entity_id: t.entity_id, branch_id: t.branch_id, reason: 'workflow_closed' })
    .onConflict('workflow_id').merge({ reason: 'workflow_closed', activity: null, attempt: null, updated_at: db.fn.now() });
}

/** A step written without the (gone) workflow: the next seq after the row's last one. */
export function rowStep(t: Row, type: Step['type'], to: TicketStatus, actor: Actor, details: Record<string, unknown>, at = new Date().toISOString()): Step {
  const from = t.status as TicketStatus;
  const patch: Step['patch'] = to === 'waiting'
    ? { status: to, agentId: null, deskId: null, queuedAt: at }
    : { status: to, endedAt: at };
  return { ticketId: t.id as string, seq: Number(t.last_event_seq) + 1, type, from, to, actor, at, details, patch };
}

/**
 * The ticket's workflow closed while its row is open: an agent holding it is freed (the ticket
 * goes back to waiting, on its timeline), and the ticket is flagged for a supervisor.
 */
export async function settleClosedTicket(db: Db, temporal: Client, ticketId: string, workflowStatus: string): Promise<boolean> {
  const t = (await db('tickets').where({ id: ticketId }).first()) as Row | undefined;
  if (!t || !OPEN.includes(t.status as TicketStatus)) return false;
  const agentId = (t.agent_id as number | null) ?? null;
  if (t.status === 'calling' || t.status === 'attending') {
    await applyStep(db, rowStep(t, 'requeued', 'waiting', SYSTEM, { reason: 'workflow_closed', workflowStatus }));
  }
  await db('shifts').where({ current_ticket_id: ticketId }).whereNull('ended_at').update({ current_ticket_id: null });
  await flagClosedTicket(db, ticketId);
  if (agentId !== null) await tellShift(db, temporal, agentId, 'ended', ticketId);
  return true;
}

/** The shift's workflow closed while the agent is still "at the desk": the shift ends and the desk is free. */
export async function settleClosedShift(db: Db, shiftId: string): Promise<boolean> {
  return db.transaction(async (trx) => {
    const row = (await trx('shifts').where({ id: shiftId }).forUpdate().first()) as Row | undefined;
    if (!row || row.ended_at !== null) return false;
    const at = new Date().toISOString();
    await trx('shift_state_periods').where({ shift_id: shiftId }).whereNull('ended_at').update({ ended_at: at });
    const [updated] = await trx('shifts').where({ id: shiftId })
      .update({ ended_at: at, state: 'offline', state_since: at, next_state: null, current_ticket_id: null }).returning('*');
    const branch = await trx('branches').where({ id: row.branch_id }).first('entity_id');
    await notifyShift(trx, updated as Row, branch.entity_id as number);
    await trx('stuck_work').where({ shift_id: shiftId }).delete();
    return true;
  });
}
