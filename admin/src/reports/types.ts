// The shape of GET /api/reports/summary (api/reports/queries.ts ReportRow).
export type GroupBy = 'branch' | 'department' | 'service' | 'agent' | 'day';
export interface ReportRow {
  key: string | null; label: string; tickets: number; served: number;
  avgWaitSeconds: number | null; avgWalkSeconds: number | null; avgServiceSeconds: number | null;
  called: number; withinSla: number; slaPercent: number | null;
  leftBeforeCalled: number; noShow: number; cancelled: number; abandonmentPercent: number | null;
  idleSeconds: number | null; breakSeconds: number | null; wrapUpSeconds: number | null;
}
export interface Report { from: string; to: string; groupBy: GroupBy; rows: ReportRow[] }
