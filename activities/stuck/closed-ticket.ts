// A ticket row left open by a workflow that is gone (issue 12, item 5): the sweeper frees the
// agent holding it, tells the agent's shift, and flags the ticket for a supervisor's release.
// Terminating a ticket workflow frees its agent by itself.
import type { Client } from '@temporalio/client';
import type { Db } from '../../db/knex.js';
import { flagClosedTicket, rowStep } from '../../db/stuck/closed.js';
import { applyStep } from '../../db/tickets/steps.js';
import type { TicketRow } from '../../db/tickets/row.js';
import { isEnded, isHeld, SYSTEM } from '../../domain/tickets.js';
import { tellShift } from '../../workflows/shifts/client.js';

/**
 * The ticket's workflow closed while its row is open: an agent holding it is freed (the ticket
 * goes back to waiting, on its timeline), and the ticket is flagged for a supervisor.
 */
export async function settleClosedTicket(
  db: Db,
  temporal: Client,
  ticketId: string,
  workflowStatus: string,
): Promise<boolean> {
  const t: TicketRow | undefined = await db('tickets').where({ id: ticketId }).first();
  if (!t || isEnded(t.status)) return false;
  const agentId = t.agent_id;
  if (isHeld(t.status)) {
    await applyStep(db, rowStep(t, 'requeued', 'waiting', SYSTEM, { reason: 'workflow_closed', workflowStatus }));
  }
  await db('shifts').where({ current_ticket_id: ticketId }).whereNull('ended_at').update({ current_ticket_id: null });
  await flagClosedTicket(db, ticketId);
  if (agentId !== null) await tellShift(db, temporal, agentId, 'ended', ticketId);
  return true;
}
