// What ops see of a ticket in the Temporal Web UI (G7): search attributes to filter by, and a
// memo with the number and customer so the list is readable.
import { defineSearchAttributeKey, SearchAttributeType, type SearchAttributeUpdatePair } from '@temporalio/common';
import type { TicketView } from '../../domain/ticket-messages.js';

const K = SearchAttributeType.KEYWORD;
export const TicketKeys = {
  branch: defineSearchAttributeKey('VtBranch', K),
  service: defineSearchAttributeKey('VtService', K),
  status: defineSearchAttributeKey('VtStatus', K),
  kind: defineSearchAttributeKey('VtKind', K),
  agent: defineSearchAttributeKey('VtAgent', K),
  number: defineSearchAttributeKey('VtNumber', K),
};

export function ticketSearchAttributes(v: TicketView): SearchAttributeUpdatePair[] {
  return [
    { key: TicketKeys.branch, value: String(v.branchId) },
    { key: TicketKeys.service, value: String(v.serviceId) },
    { key: TicketKeys.status, value: v.status },
    { key: TicketKeys.kind, value: v.kind },
    { key: TicketKeys.number, value: v.number },
    { key: TicketKeys.agent, value: v.agentId === null ? null : String(v.agentId) },
  ];
}
