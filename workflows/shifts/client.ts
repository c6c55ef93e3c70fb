// The one way to talk to shift workflows from outside them: the API, the dispatch and stuck-work
// activities, tests. It runs in Node, never in the workflow bundle (workflows/index.ts does not
// export it), so it may do I/O; it lives beside the workflow so no caller reaches into another's layer.
import { WithStartWorkflowOperation, WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import type { Db } from '../../db/knex.js';
import { attentionAddressee } from '../../db/shifts/open.js';
import { shiftWorkflowId } from '../../domain/agents.js';
import { asDomain } from '../../domain/workflow-answers.js';
import {
  attentionEnded,
  attentionStarted,
  shiftOpened,
  type ShiftInput,
  type ShiftStatus,
} from '../../domain/shift-messages.js';
import { ShiftKeys } from './search.js';
import type { shiftWorkflow } from './workflow.js';

/** Starts the shift workflow and waits until its first state period is stored. */
export async function startShiftWorkflow(client: Client, taskQueue: string, input: ShiftInput): Promise<ShiftStatus> {
  const op = new WithStartWorkflowOperation<typeof shiftWorkflow>('shiftWorkflow', {
    workflowId: shiftWorkflowId(input.userId, input.shiftId),
    taskQueue,
    args: [{ input }],
    workflowIdConflictPolicy: 'USE_EXISTING',
    typedSearchAttributes: [
      { key: ShiftKeys.agent, value: String(input.userId) },
      { key: ShiftKeys.desk, value: String(input.deskId) },
      { key: ShiftKeys.branch, value: String(input.branchId) },
      { key: ShiftKeys.agentState, value: input.initialState ?? 'online' },
    ],
  });
  return asDomain('ShiftEnded', () =>
    client.workflow.executeUpdateWithStart(shiftOpened, { startWorkflowOperation: op }),
  );
}

export async function updateShift<R>(client: Client, workflowId: string, def: UpdateDefinition<R, []>): Promise<R> {
  return asDomain('ShiftEnded', () => client.workflow.getHandle(workflowId).executeUpdate(def));
}

export async function updateShiftWith<R, A>(
  client: Client,
  workflowId: string,
  def: UpdateDefinition<R, [A]>,
  arg: A,
  updateId?: string,
): Promise<R> {
  return asDomain('ShiftEnded', () =>
    client.workflow.getHandle(workflowId).executeUpdate(def, { args: [arg], ...(updateId ? { updateId } : {}) }),
  );
}

/**
 * Tells an agent's open shift workflow that an attention started or ended. A shift that closed
 * meanwhile (or whose workflow is gone) has nothing left to learn: that is an answer, not a retry.
 */
export async function tellShift(
  db: Db,
  client: Client,
  agentId: number,
  effect: 'called' | 'ended',
  ticketId: string,
): Promise<void> {
  const to = await attentionAddressee(db, agentId, ticketId);
  if (!to) return;
  try {
    await client.workflow
      .getHandle(to.workflowId)
      .signal(effect === 'called' ? attentionStarted : attentionEnded, { ticketId, number: to.number });
  } catch (err) {
    if (!(err instanceof WorkflowNotFoundError)) throw err;
  }
}
