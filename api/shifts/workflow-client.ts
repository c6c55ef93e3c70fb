// The API's (and tests') only way to talk to shift workflows.
import { WithStartWorkflowOperation, type Client } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { shiftWorkflowId } from '../../domain/agents.js';
import { asDomain } from '../../domain/workflow-answers.js';
import { shiftOpened, type ShiftInput, type ShiftStatus } from '../../domain/shift-messages.js';
import { ShiftKeys } from '../../workflows/shifts/search.js';
import type { shiftWorkflow } from '../../workflows/shifts/workflow.js';

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
  return asDomain('ShiftEnded', () => client.workflow.executeUpdateWithStart(shiftOpened, { startWorkflowOperation: op }));
}

export async function updateShift<R>(client: Client, workflowId: string, def: UpdateDefinition<R, []>): Promise<R> {
  return asDomain('ShiftEnded', () => client.workflow.getHandle(workflowId).executeUpdate(def));
}

export async function updateShiftWith<R, A>(client: Client, workflowId: string, def: UpdateDefinition<R, [A]>, arg: A): Promise<R> {
  return asDomain('ShiftEnded', () => client.workflow.getHandle(workflowId).executeUpdate(def, { args: [arg] }));
}
