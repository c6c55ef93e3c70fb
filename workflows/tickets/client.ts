// The one way to talk to ticket workflows from outside them: the API, dispatch, tests. It runs in
// Node, never in the workflow bundle (workflows/index.ts does not export it), so it may do I/O;
// it lives beside the workflow so no caller reaches into another's layer.
import { WithStartWorkflowOperation, type Client } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { registered, type TicketInput, type TicketView } from '../../domain/ticket-messages.js';
import { SYSTEM, ticketWorkflowId } from '../../domain/tickets.js';
import { asDomain } from '../../domain/workflow-answers.js';
import { TicketKeys } from './search.js';
import type { TicketData } from './state.js';
import type { TicketRow } from '../../db/tickets/row.js';
import type { ticketWorkflow } from './workflow.js';

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
  return asDomain('TicketEnded', () =>
    client.workflow.executeUpdateWithStart(registered, { startWorkflowOperation: op }),
  );
}

/**
 * Sends an Update. With an `updateId` (from the request's Idempotency-Key) Temporal runs it
 * once per workflow run and answers repeats with the first result.
 */
export async function updateTicket<A>(
  client: Client,
  ticketId: string,
  def: UpdateDefinition<TicketView, [A]>,
  args: A,
  updateId?: string,
): Promise<TicketView> {
  return asDomain('TicketEnded', () =>
    client.workflow
      .getHandle(ticketWorkflowId(ticketId))
      .executeUpdate(def, { args: [args], ...(updateId ? { updateId } : {}) }),
  );
}

/**
 * Starts a new run of a ticket whose workflow is gone, carrying its state from the row (a
 * supervisor's release, issue 12 item 5). The run offers the ticket to a free agent at once.
 */
export async function reviveTicket(
  client: Client,
  taskQueue: string,
  row: TicketRow,
  carried: TicketData,
): Promise<void> {
  const input: TicketInput = {
    ticketId: row.id,
    entityId: row.entity_id,
    branchId: row.branch_id,
    serviceId: row.service_id,
    kind: row.kind,
    customerId: row.customer_id ?? undefined,
    priorityId: row.priority_id ?? undefined,
    actor: SYSTEM,
  };
  await client.workflow.start('ticketWorkflow', {
    workflowId: ticketWorkflowId(input.ticketId),
    taskQueue,
    args: [{ input, carried, revived: true }],
    workflowIdConflictPolicy: 'FAIL',
    typedSearchAttributes: [
      { key: TicketKeys.branch, value: String(input.branchId) },
      { key: TicketKeys.service, value: String(input.serviceId) },
      { key: TicketKeys.kind, value: input.kind },
      { key: TicketKeys.status, value: carried.view.status },
      { key: TicketKeys.number, value: carried.view.number },
    ],
  });
}
