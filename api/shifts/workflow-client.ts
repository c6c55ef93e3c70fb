// The API's (and tests') only way to talk to shift workflows.
import { WithStartWorkflowOperation, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { ApplicationFailure, type UpdateDefinition } from '@temporalio/common';
import { shiftWorkflowId } from '../../domain/agents.js';
import { DomainError, ERROR_STATUS, type ErrorCode } from '../../domain/errors.js';
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
  return asDomain(() => client.workflow.executeUpdateWithStart(shiftOpened, { startWorkflowOperation: op }));
}

export async function updateShift<R>(client: Client, workflowId: string, def: UpdateDefinition<R, []>): Promise<R> {
  return asDomain(() => client.workflow.getHandle(workflowId).executeUpdate(def));
}

export async function updateShiftWith<R, A>(client: Client, workflowId: string, def: UpdateDefinition<R, [A]>, arg: A): Promise<R> {
  return asDomain(() => client.workflow.getHandle(workflowId).executeUpdate(def, { args: [arg] }));
}

/** Turns workflow refusals (ApplicationFailure types) into DomainErrors the API maps to HTTP. */
async function asDomain<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    let failure: unknown = err instanceof WorkflowUpdateFailedError ? err.cause : (err as { cause?: unknown }).cause;
    while (failure && !(failure instanceof ApplicationFailure) && (failure as { cause?: unknown }).cause) failure = (failure as { cause?: unknown }).cause;
    if (failure instanceof ApplicationFailure && failure.type && failure.type in ERROR_STATUS) {
      throw new DomainError(failure.type as ErrorCode, failure.message, (failure.details?.[0] as Record<string, unknown>) ?? undefined);
    }
    if ((err as { name?: string }).name === 'WorkflowNotFoundError') throw new DomainError('NotFound', 'The shift has ended: log in at a desk again.');
    throw err;
  }
}
