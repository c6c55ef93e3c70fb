// The react-query keys of the back office's own queries, beside react-admin's
// ([resource, method, params]). Each key holds every parameter of its request, so an answer is
// cached under the question it answers and an older one never shows over a newer one. A key
// starts with the resource it reads, so invalidating ['tickets'] reaches the timeline too.
import type { ReportQuery } from '../dataProvider';

export const queryKeys = {
  /** H4: one branch's live view. */
  snapshot: (branchId: number | null) => ['monitor', branchId] as const,
  /** G7: the Temporal Web UI's address, for operators. */
  temporalUi: () => ['monitor', 'temporal-ui'] as const,
  /** B7: one ticket's timeline. */
  timeline: (ticketId: string) => ['tickets', 'timeline', ticketId] as const,
  chat: (ticketId: string) => ['tickets', 'chat', ticketId] as const,
  /** H3: one report. */
  report: (q: ReportQuery) => ['reports', 'summary', q] as const,
};
