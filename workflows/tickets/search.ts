// What ops see of a ticket in the Temporal Web UI (G7): search attributes to filter by, and a
// memo with the number and customer so the list is readable.
import { defineSearchAttributeKey, SearchAttributeType, type SearchAttributeUpdatePair } from '@temporalio/common';
import type { TicketView } from '../../domain/ticket-messages.js';
import type { ServiceRules } from '../../domain/ticket-steps.js';

const K = SearchAttributeType.KEYWORD;
export const TicketKeys = {
  branch: defineSearchAttributeKey('VtBranch', K),
  service: defineSearchAttributeKey('VtService', K),
  status: defineSearchAttributeKey('VtStatus', K),
  kind: defineSearchAttributeKey('VtKind', K),
  agent: defineSearchAttributeKey('VtAgent', K),
  number: defineSearchAttributeKey('VtNumber', K),
  branchCode: defineSearchAttributeKey('VtBranchCode', K),
  serviceLabel: defineSearchAttributeKey('VtServiceLabel', K),
};

/**
 * `rules` name the service's label and the branch's code (issue 19: `VtBranchCode = 'CEN'` is what
 * a person types). Rules recorded before they carried them add nothing, so those runs replay as
 * they ran; a transfer loads the new service's rules, and its label follows.
 */
export function ticketSearchAttributes(v: TicketView, rules?: ServiceRules): SearchAttributeUpdatePair[] {
  const readable: SearchAttributeUpdatePair[] = [];
  if (rules?.branchCode) readable.push({ key: TicketKeys.branchCode, value: rules.branchCode });
  if (rules?.serviceLabel) readable.push({ key: TicketKeys.serviceLabel, value: rules.serviceLabel });
  return [
    { key: TicketKeys.branch, value: String(v.branchId) },
    { key: TicketKeys.service, value: String(v.serviceId) },
    { key: TicketKeys.status, value: v.status },
    { key: TicketKeys.kind, value: v.kind },
    { key: TicketKeys.number, value: v.number },
    { key: TicketKeys.agent, value: v.agentId === null ? null : String(v.agentId) },
    ...readable,
  ];
}
