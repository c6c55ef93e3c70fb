// Issue 19, on the real Temporal dev server: a ticket's workflow can be found by what a person
// types (its branch's code, its service's label), which follows a transfer; and the monitor's
// saved lists (domain/temporal-queries.ts) list only what is open now — a terminated ticket keeps
// its last VtStatus ('waiting') and was listed as waiting before ExecutionStatus was added.
import { afterAll, beforeAll, describe, it } from 'vitest';
import { branchWorkflowQuery, BRANCH_WORKFLOW_LISTS } from '../../domain/temporal-queries.js';
import * as msg from '../../domain/ticket-messages.js';
import { ticketWorkflowId } from '../../domain/tickets.js';
import { createOrg, ticketInput, type Org } from '../../tests/support/fixtures.js';
import { openOnlineShift } from '../../tests/support/shifts.js';
import { createTestStack, type TestStack } from '../../tests/support/stack.js';
import { until } from '../../tests/support/until.js';
import { startTicket, updateTicket } from './client.js';

let s: TestStack;
let org: Org;
beforeAll(async () => {
  s = await createTestStack();
  await s.startWorker();
  org = await createOrg(s.db, { agents: 1 });
  await s
    .db('service_assignments')
    .insert({ user_id: org.agents[0]!.id, service_id: org.services[0]!.id, kind: 'main' });
});
afterAll(() => s?.close());

/**
 * Which of `mine` the visibility store lists for `query`, once that is `expected` (it is eventually
 * consistent). Other test files of this run share the namespace, and their branches the ids.
 */
async function listed(query: string, mine: string[], expected: string[]): Promise<string[]> {
  const ids = async () => {
    const out: string[] = [];
    for await (const w of s.client.workflow.list({ query })) if (mine.includes(w.workflowId)) out.push(w.workflowId);
    return out.sort();
  };
  return until(`${query} to list ${expected.join(', ') || 'none'} of ${mine.join(', ')}`, async () => {
    const now = await ids();
    return JSON.stringify(now) === JSON.stringify([...expected].sort()) ? now : undefined;
  });
}

const attributesOf = async (workflowId: string) =>
  (await s.client.workflow.getHandle(workflowId).describe()).searchAttributes;

describe('ticket workflows in the Temporal Web UI', () => {
  it("carry the branch's code and the service's label; the label follows a transfer", async () => {
    const t = await startTicket(s.client, s.taskQueue, ticketInput(org));
    const id = ticketWorkflowId(t.id);
    await until('the readable attributes', async () => {
      const a = await attributesOf(id);
      return a.VtBranchCode?.[0] === 'TST' && a.VtServiceLabel?.[0] === 'A' ? a : undefined;
    });
    await listed(`VtBranchCode = 'TST' AND VtServiceLabel = 'A' AND VtNumber = '${t.number}'`, [id], [id]);
    await updateTicket(s.client, t.id, msg.transferTicket, { actor: org.supervisor, serviceId: org.services[1]!.id });
    await until('the label of the new service', async () =>
      (await attributesOf(id)).VtServiceLabel?.[0] === 'B' ? true : undefined,
    );
    await updateTicket(s.client, t.id, msg.cancelTicket, { actor: org.supervisor });
  });

  it("the branch's saved lists show open work only: a terminated ticket is not 'waiting'", async () => {
    const open = await startTicket(s.client, s.taskQueue, ticketInput(org));
    const killed = await startTicket(s.client, s.taskQueue, ticketInput(org));
    const everyWaiting = `WorkflowType = 'ticketWorkflow' AND VtBranch = '${org.branchId}' AND VtStatus = 'waiting'`;
    const both = [ticketWorkflowId(open.id), ticketWorkflowId(killed.id)];
    await listed(everyWaiting, both, both);
    await s.client.workflow.getHandle(ticketWorkflowId(killed.id)).terminate('test: a workflow ended from outside');
    // Still 'waiting' by its last search attributes…
    await listed(everyWaiting, both, both);
    // …but the saved list names only the open one.
    await listed(branchWorkflowQuery('waitingTickets', org.branchId), both, [ticketWorkflowId(open.id)]);

    // The agent's shift is an open shift; calling the open ticket moves it to "being served".
    const shiftId = await openOnlineShift(s, org, 0);
    const shift = await s.db('shifts').where({ id: shiftId }).first('workflow_id');
    await listed(branchWorkflowQuery('openShifts', org.branchId), [shift.workflow_id], [shift.workflow_id]);
    await until(
      'the open ticket to be called',
      async () => (await s.db('tickets').where({ id: open.id, status: 'calling' }).first()) ?? undefined,
    );
    await listed(branchWorkflowQuery('servingTickets', org.branchId), both, [ticketWorkflowId(open.id)]);
    await listed(branchWorkflowQuery('waitingTickets', org.branchId), both, []);
    // Every saved list is a query the server accepts (nothing is stuck here: an empty list).
    for (const list of BRANCH_WORKFLOW_LISTS)
      for await (const w of s.client.workflow.list({ query: branchWorkflowQuery(list, org.branchId) })) void w;
    await listed(branchWorkflowQuery('stuckWork', org.branchId), [...both, shift.workflow_id], []);
  });
});
