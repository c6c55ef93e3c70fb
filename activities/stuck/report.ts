// How the activity guard reports work that does not move: a `stuck_work` row (health, monitor)
// and a signal to the workflow, which shows `VtStuck` in the Temporal Web UI. Reporting is best
// effort by nature: when the database or Temporal is what fails, the report fails too — it is
// logged, and the activity's own failure (retried) is what matters.
import type { Client } from '@temporalio/client';
import type { Db } from '../../db/knex.js';
import { reportStuck } from '../../domain/stuck.js';
import type { Logger } from '../../platform/logger.js';

export interface StuckReporter {
  activityRetrying(workflowId: string, activity: string, attempt: number): Promise<void>;
  activityRecovered(workflowId: string): Promise<void>;
  lastError(workflowId: string, activity: string, attempt: number, err: unknown): Promise<void>;
}

/** The ticket or shift a workflow id names, with where it lives. */
async function ownerOf(db: Db, workflowId: string) {
  if (workflowId.startsWith('ticket-')) {
    const t = await db('tickets').where({ workflow_id: workflowId }).first('id', 'entity_id', 'branch_id');
    return t
      ? { kind: 'ticket', ticket_id: t.id, shift_id: null, entity_id: t.entity_id, branch_id: t.branch_id }
      : undefined;
  }
  const s = await db('shifts as s')
    .join('branches as b', 'b.id', 's.branch_id')
    .where('s.workflow_id', workflowId)
    .first('s.id', 'b.entity_id', 's.branch_id');
  return s
    ? { kind: 'shift', ticket_id: null, shift_id: s.id, entity_id: s.entity_id, branch_id: s.branch_id }
    : undefined;
}

export function createStuckReporter(db: Db, log: Logger, temporal?: Client): StuckReporter {
  const safely = async (what: string, workflowId: string, fn: () => Promise<unknown>) => {
    try {
      await fn();
    } catch (err) {
      log.warn({ err: (err as Error).message, workflowId }, `stuck report (${what}) failed`);
    }
  };
  return {
    activityRetrying: (workflowId, activity, attempt) =>
      safely('retrying', workflowId, async () => {
        const owner = await ownerOf(db, workflowId);
        if (owner) {
          await db('stuck_work')
            .insert({ workflow_id: workflowId, ...owner, reason: 'activity_retrying', activity, attempt })
            .onConflict('workflow_id')
            .merge({ activity, attempt, updated_at: db.fn.now() });
        }
        log.warn({ workflowId, activity, attempt }, 'activity keeps failing: reported as stuck');
        await temporal?.workflow
          .getHandle(workflowId)
          .signal(reportStuck, { reason: 'activity_retrying', activity, attempt });
      }),
    activityRecovered: (workflowId) =>
      safely('recovered', workflowId, () =>
        db('stuck_work').where({ workflow_id: workflowId, reason: 'activity_retrying' }).delete(),
      ),
    lastError: (workflowId, activity, attempt, err) =>
      safely('error', workflowId, () =>
        db('stuck_work')
          .where({ workflow_id: workflowId, reason: 'activity_retrying' })
          .update({
            last_error: String((err as Error)?.message ?? err).slice(0, 500),
            activity,
            attempt,
            updated_at: db.fn.now(),
          }),
      ),
  };
}
