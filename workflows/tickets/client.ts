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
import type { ticketWorkflow, TicketWorkflowArgs } from './workflow.js';
import type { Db } from '../../db/knex.js';
import { registerTicket } from '../../db/tickets/register.js';
import { loadServiceRules } from '../../db/tickets/rules.js';
import type { ServiceRules } from '../../domain/ticket-steps.js';
import { DomainError } from '../../domain/errors.js';

/**
 * Starts the ticket workflow and answers with the numbered, stored ticket. The workflow id comes
 * from the ticket id, and an existing workflow is reused, so retrying the same request (same
 * ticket id) creates nothing twice.
 *
 * With `db` (the API), the caller numbers and stores the ticket itself once the workflow is
 * started, under the same per-ticket lock as the workflow's first step, which then finds it
 * (issue 15): issuing costs one start and one transaction and never waits for a worker, so a
 * kiosk stays fast while dispatch falls behind under overload. The start comes first, so a
 * stored ticket always has its workflow. A refusal is the same one the workflow's step will
 * reach, which ends that run; any other failure (a database blip) falls back to waiting for the
 * workflow's own registration, so the answer never disowns a ticket the workflow goes on to store.
 * Without `db` (tests of the workflow), the workflow registers it and the caller waits.
 */
export async function startTicket(
  client: Client,
  taskQueue: string,
  input: TicketInput,
  opts: { db?: Db } = {},
): Promise<TicketView> {
  const options = {
    workflowId: ticketWorkflowId(input.ticketId),
    taskQueue,
    args: [{ input }] as [TicketWorkflowArgs],
    workflowIdConflictPolicy: 'USE_EXISTING' as const,
    typedSearchAttributes: [
      { key: TicketKeys.branch, value: String(input.branchId) },
      { key: TicketKeys.service, value: String(input.serviceId) },
      { key: TicketKeys.kind, value: input.kind },
    ],
  };
  const { db } = opts;
  // The service's rules in force now are the ticket's, whenever its first step runs: read before
  // the start, they travel in its input. A closed service is refused before anything starts.
  const rules = db && (await rulesOrNothing(db, input));
  if (db && rules) {
    const handle = await client.workflow.start<typeof ticketWorkflow>('ticketWorkflow', {
      ...options,
      args: [{ input, rules }],
    });
    try {
      return (await registerTicket(db, input, { at: new Date().toISOString(), rules })).view;
    } catch (err) {
      if (err instanceof DomainError) throw err;
      return asDomain('TicketEnded', () => handle.executeUpdate(registered));
    }
  }
  const op = new WithStartWorkflowOperation<typeof ticketWorkflow>('ticketWorkflow', options);
  return asDomain('TicketEnded', () =>
    client.workflow.executeUpdateWithStart(registered, { startWorkflowOperation: op }),
  );
}

/** A database blip here only means the workflow reads the rules itself. */
const rulesOrNothing = (db: Db, input: TicketInput): Promise<ServiceRules | undefined> =>
  loadServiceRules(db, input.serviceId, input.branchId).catch((err: unknown) => {
    if (err instanceof DomainError) throw err;
    return undefined;
  });

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
