// Which entity a workflow belongs to, from the rows that name it: what the payload codec
// (platform/codec/entities.ts) asks when a process meets a running workflow for the first time.
import type { Db } from './knex.js';

export function workflowEntityLookup(db: Db): (workflowId: string) => Promise<number | undefined> {
  return async (workflowId) => {
    const ticket = await db('tickets').where({ workflow_id: workflowId }).first('entity_id');
    if (ticket) return ticket.entity_id as number;
    const shift = await db('shifts as s')
      .join('branches as b', 'b.id', 's.branch_id')
      .where('s.workflow_id', workflowId)
      .first('b.entity_id');
    return shift?.entity_id as number | undefined;
  };
}
