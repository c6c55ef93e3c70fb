// The sweeper (issue 12, item 5): ticket and shift workflows that closed abnormally (terminated,
// failed, timed out, cancelled) while their rows are still open. Visibility lists them cheaply;
// each is settled once (settle* are idempotent), so overlapping windows cost nothing. Each pass
// also flags overdue calls and attentions for the Temporal Web UI (overdue.ts).
import type { Client } from '@temporalio/client';
import type { Db } from '../../db/knex.js';
import type { Logger } from '../../platform/logger.js';
import { runEvery, type Periodic } from '../../platform/periodic.js';
import { settleClosedShift } from '../../db/stuck/closed.js';
import { settleClosedTicket } from './closed-ticket.js';
import { createOverdueFlagger } from './overdue.js';
import { nudgeIdleAgents } from './idle-agents.js';
import { OPEN_STATUSES } from '../../domain/tickets.js';

export interface SweepResult {
  tickets: number;
  shifts: number;
}

export async function sweepClosedWorkflows(
  deps: { db: Db; temporal: Client; log: Logger },
  since: Date,
): Promise<SweepResult> {
  const { db, temporal, log } = deps;
  const query = `ExecutionStatus IN ('Terminated', 'Failed', 'TimedOut', 'Canceled') AND CloseTime > '${since.toISOString()}'`;
  const closed = new Map<string, string>();
  for await (const wf of temporal.workflow.list({ query })) closed.set(wf.workflowId, wf.status.name);
  if (!closed.size) return { tickets: 0, shifts: 0 };

  const ids = [...closed.keys()];
  const tickets: { id: string; workflow_id: string }[] = await db('tickets')
    .whereIn('workflow_id', ids)
    .whereIn('status', OPEN_STATUSES)
    .whereNotExists(
      db('stuck_work as w')
        .whereRaw('w.ticket_id = tickets.id')
        .where('w.reason', 'workflow_closed')
        .select(db.raw('1')),
    )
    .select('id', 'workflow_id');
  const shifts: { id: string; workflow_id: string }[] = await db('shifts')
    .whereIn('workflow_id', ids)
    .whereNull('ended_at')
    .select('id', 'workflow_id');
  const result = { tickets: 0, shifts: 0 };
  for (const t of tickets) {
    // A supervisor may have revived it since: only the latest run counts.
    if (await isRunning(temporal, t.workflow_id)) continue;
    if (await settleClosedTicket(db, temporal, t.id, closed.get(t.workflow_id) ?? 'closed')) result.tickets += 1;
  }
  for (const s of shifts) {
    if (await isRunning(temporal, s.workflow_id)) continue;
    if (await settleClosedShift(db, s.id)) result.shifts += 1;
  }
  if (result.tickets || result.shifts)
    log.warn(result, 'workflows closed with open rows: agents freed, tickets flagged for release');
  return result;
}

async function isRunning(temporal: Client, workflowId: string): Promise<boolean> {
  const d = await temporal.workflow.getHandle(workflowId).describe();
  return d.status.name === 'RUNNING';
}

/** How long a customer may wait beside a free agent who may serve them before that agent is woken. */
const IDLE_GRACE_MS = 15_000;

/**
 * Runs the sweeper every `everyMs` until stopped: closed workflows (each pass looks back over a
 * window wider than the period), overdue calls and attentions, and customers left waiting beside
 * a free agent.
 */
export function startSweeper(deps: { db: Db; temporal: Client; log: Logger }, everyMs: number): Periodic {
  let first = true;
  const overdue = createOverdueFlagger(deps);
  return runEvery(
    everyMs,
    () => {
      const lookback = first ? 24 * 3600_000 : Math.max(10 * everyMs, 5 * 60_000);
      first = false;
      return Promise.all([
        sweepClosedWorkflows(deps, new Date(Date.now() - lookback)),
        overdue.flag(),
        nudgeIdleAgents(deps, IDLE_GRACE_MS),
      ]);
    },
    (err) => deps.log.warn({ err: (err as Error).message }, 'sweep failed; next pass retries'),
  );
}
