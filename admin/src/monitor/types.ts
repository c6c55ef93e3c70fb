// The shape of GET /api/monitor/branches/:id (api/monitor/snapshot.ts).
import type { NextReason } from '@domain/queue-order';
import type { StuckItem } from '@domain/stuck';

export interface Snapshot {
  branch: { id: number; name: string; code: string; timezone: string; orderingPolicy: string };
  policy: { policy: string; interleaveRatio: number; ageBoostMinutes: number };
  generatedAt: string;
  totals: { waiting: number; longestWaitSeconds: number | null; calledToday: number; withinSla: number; slaPercent: number | null };
  services: {
    id: number; name: string; label: string; active: boolean; departmentId: number; departmentName: string; slaTargetSeconds: number;
    waiting: number; calling: number; attending: number; finished: number; abandoned: number; longestWaitSeconds: number | null;
    calledToday: number; withinSla: number; slaPercent: number | null;
    /** H1: why the next waiting ticket is next (domain/queue-order.ts explainNext), worded by next.<code>. */
    next: NextReason | null;
  }[];
  agents: {
    userId: number; name: string; shiftId: string | null; state: string; nextState: string | null; manualMode: boolean;
    stateSince: string | null; secondsInState: number | null; deskId: number | null; deskName: string | null;
    ticket: { id: string; number: string; status: string } | null; temporalUrl: string | null;
  }[];
  agentsByState: Record<string, number>;
  /** Issue 12: work that does not move, with why (domain/stuck.ts); a supervisor releases it. */
  stuck: (StuckItem & { temporalUrl: string | null })[];
  queue: {
    id: string; number: string; status: string; kind: string; priority: number; serviceId: number; serviceLabel: string;
    agentName: string | null; deskName: string | null; arrivalAt: string; waitedSeconds: number | null; temporalUrl: string | null;
  }[];
}
