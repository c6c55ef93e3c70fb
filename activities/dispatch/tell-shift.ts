// Tells an agent's open shift workflow that an attention started or ended. A shift that closed
// meanwhile (or whose workflow is gone) has nothing left to learn: that is an answer, not a retry.
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { Db } from '../../db/knex.js';
import { attentionEnded, attentionStarted } from '../../domain/shift-messages.js';

export async function tellShift(db: Db, temporal: Client, agentId: number, effect: 'called' | 'ended', ticketId: string): Promise<void> {
  const shift = await db('shifts').where({ user_id: agentId }).whereNull('ended_at').first('workflow_id');
  if (!shift) return;
  const number = ((await db('tickets').where({ id: ticketId }).first('number'))?.number as string | undefined) ?? undefined;
  try {
    await temporal.workflow.getHandle(shift.workflow_id as string).signal(effect === 'called' ? attentionStarted : attentionEnded, { ticketId, number });
  } catch (err) {
    if (!(err instanceof WorkflowNotFoundError)) throw err;
  }
}
