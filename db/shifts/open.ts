// An agent's open shift, as those who must reach its workflow look it up (dispatch, the
// sweeper, a supervisor's release): the shift row knows its workflow id.
import type { Db } from '../knex.js';

/** The workflow of the agent's open shift and the ticket's number, or undefined with no open shift. */
export async function attentionAddressee(
  db: Db,
  agentId: number,
  ticketId: string,
): Promise<{ workflowId: string; number?: string } | undefined> {
  const shift: { workflow_id: string } | undefined = await db('shifts')
    .where({ user_id: agentId })
    .whereNull('ended_at')
    .first('workflow_id');
  if (!shift) return undefined;
  const ticket: { number: string } | undefined = await db('tickets').where({ id: ticketId }).first('number');
  return { workflowId: shift.workflow_id, number: ticket?.number };
}
