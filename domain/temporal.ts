// Temporal names shared by the worker, the API, the dev-server launcher and docker-compose.

export const TASK_QUEUE = 'ventanilla';

/**
 * Custom search attributes, so ops can filter ticket and shift workflows in the Web UI (G7).
 * The dev server registers them at start (`--search-attribute`); production registers them
 * once with `temporal operator search-attribute create`.
 */
export const SEARCH_ATTRIBUTES = {
  VtBranch: 'Keyword',
  VtService: 'Keyword',
  VtStatus: 'Keyword',
  VtKind: 'Keyword',
  VtAgent: 'Keyword',
  VtNumber: 'Keyword',
  /** Issue 19: what a person types — the branch's code ('CEN') and the service's label ('C'), beside the ids. */
  VtBranchCode: 'Keyword',
  VtServiceLabel: 'Keyword',
  VtDesk: 'Keyword',
  VtAgentState: 'Keyword',
  /** Why a workflow's work does not move (domain/stuck.ts); empty when it does. */
  VtStuck: 'KeywordList',
} as const;
export type SearchAttributeName = keyof typeof SEARCH_ATTRIBUTES;
