// What ops see of a shift in the Temporal Web UI (G7): agent, desk, branch and live state.
import { defineSearchAttributeKey, SearchAttributeType, type SearchAttributeUpdatePair } from '@temporalio/common';
import type { ShiftStatus } from '../../domain/shift-messages.js';

const K = SearchAttributeType.KEYWORD;
export const ShiftKeys = {
  agent: defineSearchAttributeKey('VtAgent', K),
  desk: defineSearchAttributeKey('VtDesk', K),
  branch: defineSearchAttributeKey('VtBranch', K),
  agentState: defineSearchAttributeKey('VtAgentState', K),
};

export function shiftSearchAttributes(s: ShiftStatus): SearchAttributeUpdatePair[] {
  return [
    { key: ShiftKeys.agent, value: String(s.userId) },
    { key: ShiftKeys.desk, value: String(s.deskId) },
    { key: ShiftKeys.branch, value: String(s.branchId) },
    { key: ShiftKeys.agentState, value: s.endedAt ? 'ended' : s.state },
  ];
}
