// What one lifecycle costs Temporal (issue 15's "tasks per lifecycle"): counted from the
// histories of a bench branch's ticket and shift workflows, every run of each (continue-as-new
// included). Throughput on a shared 2-core machine swings by a third between identical runs;
// these counts do not, so they are what tells whether a change made the design heavier.
import type { Client } from '@temporalio/client';
import protos from '@temporalio/proto'; // CommonJS: named imports do not resolve under ESM
import type { Db } from '../../db/knex.js';

const T = protos.temporal.api.enums.v1.EventType;

export interface HistoryCost {
  lifecycles: number;
  /**
   * Where a ticket's creation spends its time inside Temporal: its first workflow task (the
   * registration the kiosk waits for) waiting for a worker's poll, then running in the worker.
   */
  intake: { waitedMs: number[]; ranMs: number[] };
  /** Per finished ticket, its own workflow plus its share of the shift workflows. */
  perLifecycle: {
    events: number;
    workflowTasks: number;
    activityTasks: number;
    /** Run inside a workflow task's worker slot: no task of their own, one marker in history. */
    localActivities: number;
    timers: number;
    signals: number;
    updates: number;
  };
}

interface Counts {
  events: number;
  workflowTasks: number;
  activityTasks: number;
  localActivities: number;
  timers: number;
  signals: number;
  updates: number;
}
const zero = (): Counts => ({
  events: 0,
  workflowTasks: 0,
  activityTasks: 0,
  localActivities: 0,
  timers: 0,
  signals: 0,
  updates: 0,
});

/** The marker the TypeScript SDK's core records for each completed local activity. */
const LOCAL_ACTIVITY_MARKER = 'core_local_activity';

type Event = NonNullable<protos.temporal.api.history.v1.IHistory['events']>[number];
const msOf = (e: Event | undefined): number =>
  e?.eventTime ? Number(e.eventTime.seconds ?? 0) * 1000 + Math.floor((e.eventTime.nanos ?? 0) / 1e6) : NaN;

/** The first workflow task of a run: scheduled → started (waiting for a poll) → completed (in the worker). */
function firstTask(events: Event[], into: HistoryCost['intake']): void {
  const at = (type: number) => events.find((e) => e.eventType === type);
  const scheduled = msOf(at(T.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED));
  const started = msOf(at(T.EVENT_TYPE_WORKFLOW_TASK_STARTED));
  const completed = msOf(at(T.EVENT_TYPE_WORKFLOW_TASK_COMPLETED));
  if (Number.isFinite(started - scheduled)) into.waitedMs.push(started - scheduled);
  if (Number.isFinite(completed - started)) into.ranMs.push(completed - started);
}

async function countRuns(
  client: Client,
  workflowId: string,
  into: Counts,
  intake?: HistoryCost['intake'],
): Promise<void> {
  // Each run of the chain: list by workflow id, since continue-as-new starts a new run.
  for await (const wf of client.workflow.list({ query: `WorkflowId = '${workflowId}'` })) {
    const history = await client.workflow.getHandle(workflowId, wf.runId).fetchHistory();
    if (intake) firstTask(history.events ?? [], intake);
    intake = undefined; // a later run (continue-as-new) is not a creation
    for (const e of history.events ?? []) {
      into.events++;
      switch (e.eventType) {
        case T.EVENT_TYPE_WORKFLOW_TASK_COMPLETED:
          into.workflowTasks++;
          break;
        case T.EVENT_TYPE_ACTIVITY_TASK_COMPLETED:
        case T.EVENT_TYPE_ACTIVITY_TASK_FAILED:
          into.activityTasks++;
          break;
        case T.EVENT_TYPE_MARKER_RECORDED:
          if (e.markerRecordedEventAttributes?.markerName === LOCAL_ACTIVITY_MARKER) into.localActivities++;
          break;
        case T.EVENT_TYPE_TIMER_STARTED:
          into.timers++;
          break;
        case T.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED:
          into.signals++;
          break;
        case T.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED:
          into.updates++;
          break;
        default:
          break;
      }
    }
  }
}

/** Costs of the branch's workflows, divided by its finished tickets. */
export async function historyCost(client: Client, db: Db, branchId: number): Promise<HistoryCost> {
  const tickets = (await db('tickets').where({ branch_id: branchId }).pluck('workflow_id')) as string[];
  const shifts = (await db('shifts').where({ branch_id: branchId }).pluck('workflow_id')) as string[];
  const finished = Number(
    (await db('tickets').where({ branch_id: branchId, status: 'finished' }).count({ n: '*' }).first())?.n ?? 0,
  );
  const total = zero();
  const intake: HistoryCost['intake'] = { waitedMs: [], ranMs: [] };
  for (const id of tickets) await countRuns(client, id, total, intake);
  for (const id of shifts) await countRuns(client, id, total);
  const per = (n: number) => Math.round((n / Math.max(finished, 1)) * 10) / 10;
  return {
    lifecycles: finished,
    intake,
    perLifecycle: {
      events: per(total.events),
      workflowTasks: per(total.workflowTasks),
      activityTasks: per(total.activityTasks),
      localActivities: per(total.localActivities),
      timers: per(total.timers),
      signals: per(total.signals),
      updates: per(total.updates),
    },
  };
}
