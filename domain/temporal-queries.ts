// Issue 19: the Temporal Web UI lists the back office links to (operators only). Each is a
// visibility query on the search attributes of domain/temporal.ts. Lists of what is going on
// now add `ExecutionStatus = 'Running'`: a ticket terminated or timed out keeps the last
// VtStatus it upserted ('waiting'), and without it would be listed as still waiting.

/** The saved lists the monitor offers for one branch, by name. */
export const BRANCH_WORKFLOW_LISTS = ['waitingTickets', 'servingTickets', 'openShifts', 'stuckWork'] as const;
export type BranchWorkflowList = (typeof BRANCH_WORKFLOW_LISTS)[number];

const running = "ExecutionStatus = 'Running'";

export function branchWorkflowQuery(list: BranchWorkflowList, branchId: number): string {
  const branch = `VtBranch = '${Math.trunc(branchId)}'`;
  switch (list) {
    case 'waitingTickets':
      return `WorkflowType = 'ticketWorkflow' AND ${branch} AND VtStatus = 'waiting' AND ${running}`;
    case 'servingTickets':
      return `WorkflowType = 'ticketWorkflow' AND ${branch} AND VtStatus IN ('calling', 'attending') AND ${running}`;
    case 'openShifts':
      return `WorkflowType = 'shiftWorkflow' AND ${branch} AND ${running}`;
    case 'stuckWork':
      return `${branch} AND VtStuck IS NOT NULL AND ${running}`;
  }
}

/** The Web UI's list of workflows matching `query`; `workflowsUrl` is `{ui}/namespaces/{ns}`. */
export const workflowListUrl = (workflowsUrl: string, query: string): string =>
  `${workflowsUrl}/workflows?query=${encodeURIComponent(query)}`;
