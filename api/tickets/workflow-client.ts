// The API's (and tests') only way to talk to ticket workflows.
import { WithStartWorkflowOperation, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { UpdateDefinition } from '@temporalio/common';
import { registered, type TicketInput, type TicketView } from '../../domain/ticket-messages.js';
import { ticketWorkflowId } from '../../domain/tickets.js';
import { DomainError, type ErrorCode, ERROR_STATUS } from '../../domain/errors.js';
import { TicketKeys } from '../../workflows/tickets/search.js';
import type { ticketWorkflow } from '../../workflows/tickets/workflow.js';

/**
 * Starts the ticket workflow and waits until it has numbered and stored the ticket. The
 * workflow id comes from the ticket id, and an existing workflow is reused, so retrying the
 * same request (same ticket id) creates nothing twice.
 */
export async function startTicket(client: Client, taskQueue: string, input: TicketInput): Promise<TicketView> {
  const op = new WithStartWorkflowOperation<typeof ticketWorkflow>('ticketWorkflow', {
    workflowId: ticketWorkflowId(input.ticketId),
    taskQueue,
    args: [{ input }],
    workflowIdConflictPolicy: 'USE_EXISTING',
    typedSearchAttributes: [
      { key: TicketKeys.branch, value: String(input.branchId) },
      { key: TicketKeys.service, value: String(input.serviceId) },
      { key: TicketKeys.kind, value: input.kind },
    ],
  });
  return asDomain(() => client.workflow.executeUpdateWithStart(registered, { startWorkflowOperation: op }));
}

/**
 * Sends an Update. With an `updateId` (from the request's Idempotency-Key) Temporal runs it
 * once per workflow run and answers repeats with the first result.
 */
export async function updateTicket<A>(client: Client, ticketId: string, def: UpdateDefinition<TicketView, [A]>, args: A, updateId?: string): Promise<TicketView> {
  return asDomain(() => client.workflow.getHandle(ticketWorkflowId(ticketId)).executeUpdate(def, { args: [args], ...(updateId ? { updateId } : {}) }));
}

/** Turns workflow refusals (ApplicationFailure types) into DomainErrors the API maps to HTTP. */
async function asDomain<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    const cause = err instanceof WorkflowUpdateFailedError ? err.cause : (err as { cause?: unknown }).cause;
    let failure: unknown = cause;
    while (failure && !(failure instanceof ApplicationFailure) && (failure as { cause?: unknown }).cause) failure = (failure as { cause?: unknown }).cause;
    if (failure instanceof ApplicationFailure && failure.type && failure.type in ERROR_STATUS) {
      throw new DomainError(failure.type as ErrorCode, failure.message, (failure.details?.[0] as Record<string, unknown>) ?? undefined);
    }
    if ((err as { name?: string }).name === 'WorkflowNotFoundError' || /already completed|not found/i.test((err as Error).message)) {
      throw new DomainError('Conflict', 'The ticket has already ended or does not exist.');
    }
    throw err;
  }
}
