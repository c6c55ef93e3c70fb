// Work that does not move (issue 12, item 5), as one vocabulary for the activity guard, the
// sweeper, /api/health, the monitor and the Temporal Web UI (`VtStuck`).
import { defineSignal } from '@temporalio/workflow';

export const STUCK_REASONS = [
  'activity_retrying', // an activity of its workflow keeps failing (attempt ≥ 3)
  'workflow_closed', // its workflow was terminated or failed while the row is open
  'call_overdue', // calling past its call deadline plus a margin
  'attention_overdue', // attending longer than the service's maximum
] as const;
export type StuckReason = (typeof STUCK_REASONS)[number];

/** Sent by the activity guard to the workflow whose activity keeps failing, so ops find it. */
export interface StuckReport {
  reason: StuckReason;
  activity: string;
  attempt: number;
}
export const reportStuck = defineSignal<[StuckReport]>('reportStuck');

/** What a supervisor may do with stuck work: a ticket is requeued or cancelled, a shift ended. */
export const RELEASE_ACTIONS = ['requeue', 'cancel', 'end'] as const;
export type ReleaseAction = (typeof RELEASE_ACTIONS)[number];

/** Seconds past the call deadline before a calling ticket counts as stuck. */
export const CALL_OVERDUE_MARGIN_SECONDS = 60;

/** One stuck ticket or shift, as health, the monitor and the tests see it. */
export interface StuckItem {
  kind: 'ticket' | 'shift';
  id: string;
  workflowId: string;
  branchId: number;
  reason: StuckReason;
  since: string;
  number: string | null;
  agentId: number | null;
  activity: string | null;
  attempt: number | null;
  lastError: string | null;
}
