// Builds the Temporal worker with every workflow and activity. Used by the worker process,
// the start command and the tests (which pass a prebuilt workflow bundle to start fast).
import { NativeConnection, Worker, type WorkflowBundleOption } from '@temporalio/worker';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import type { Duration } from '@temporalio/common';
import { createDispatchActivities } from '../activities/dispatch/index.js';
import { createShiftActivities } from '../activities/shifts/index.js';
import { createTicketActivities } from '../activities/tickets/index.js';
import { createMessageActivities, type MessagingOptions } from '../activities/messages/index.js';
import { guardAll } from '../activities/failures.js';
import { createStuckReporter } from '../activities/stuck/report.js';
import type { Db } from '../db/knex.js';
import { REPO_ROOT } from '../platform/config.js';
import { dataConverterOf, type EntityCodec } from '../platform/codec/codec.js';
import { createLogger } from '../platform/logger.js';
import { guardWorkflowThreads, type Overrun } from './workflow-watchdog/watchdog.js';

export const WORKFLOWS_PATH = path.join(REPO_ROOT, 'workflows/index.ts');

/**
 * `temporal` lets dispatch call tickets and signal shifts; without it only SQL-side work runs.
 * Every activity runs behind the failure taxonomy (activities/failures.ts).
 */
export function createActivities(deps: {
  db: Db;
  temporal?: Client;
  taskQueue?: string;
  /** Issue 20: the mail relay and links; from the configuration when not given. */
  messaging?: MessagingOptions;
}) {
  const stuck = createStuckReporter(deps.db, createLogger('activities'), deps.temporal);
  return {
    ...guardAll(
      { ...createTicketActivities(deps), ...createShiftActivities(deps), ...createDispatchActivities(deps) },
      stuck,
    ),
    ...createMessageActivities(deps),
  };
}

export async function createWorker(opts: {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  db: Db;
  temporal?: Client;
  /**
   * The process's payload codec (runtime/codec/): required, so no worker writes personal data
   * in clear by omission. `null` only where clear histories are the point (recorded fixtures).
   */
  codec: EntityCodec | null;
  workflowBundle?: WorkflowBundleOption;
  activities?: ReturnType<typeof createActivities>;
  /** Tests bound their shutdown: a poll or task still open must not hold a suite's teardown for minutes. */
  shutdownForceTime?: Duration;
  /** How long one call into workflow code may run (runtime/workflow-watchdog/); the SDK's 5 s by default. */
  isolateExecutionTimeout?: Duration;
  /** The Web UI's workflow stack traces (config WORKFLOW_STACK_TRACES); off, the SDK's promise hook is not installed. */
  stackTraces?: boolean;
}): Promise<Worker> {
  guardWorkflowThreads((o) => endOverrun(o, opts.namespace, opts.temporal), { stackTraces: opts.stackTraces });
  return Worker.create({
    connection: opts.connection,
    namespace: opts.namespace,
    taskQueue: opts.taskQueue,
    ...(opts.codec ? { dataConverter: dataConverterOf(opts.codec) } : {}),
    activities:
      opts.activities ?? createActivities({ db: opts.db, temporal: opts.temporal, taskQueue: opts.taskQueue }),
    ...(opts.workflowBundle ? { workflowBundle: opts.workflowBundle } : { workflowsPath: WORKFLOWS_PATH }),
    // Ticket workflows are small and short: many fit in the cache of a 2-core machine.
    maxCachedWorkflows: 2000,
    // A new ticket's first workflow task (its registration: what a kiosk waits for) is on the
    // normal queue; every later task of a cached workflow (dispatch, steps) is on the sticky one.
    // The SDK's default (0.2) gives the normal queue 2 of 10 polls, so under overload issuing
    // queued behind dispatch: create → waiting p99 15 s at 20 tickets/s offered on this machine,
    // against 1.1–1.8 s with as many polls for both (issue 15; `./ventanilla bench --rate 20`).
    nonStickyToStickyPollRatio: 1,
    ...(opts.shutdownForceTime ? { shutdownForceTime: opts.shutdownForceTime } : {}),
    ...(opts.isolateExecutionTimeout ? { isolateExecutionTimeout: opts.isolateExecutionTimeout } : {}),
  });
}

const watchdogLog = createLogger('workflow-watchdog');

/**
 * A workflow whose code ran past the bound would loop again on whichever worker takes its task
 * next: it is terminated (a ticket's closed run with an open row then shows as stuck in health
 * and the monitor, where a supervisor releases it), and the worker restarts.
 */
async function endOverrun(o: Overrun, namespace: string, temporal: Client | undefined): Promise<void> {
  const w = o.workflow;
  if (w && w.namespace !== namespace) return; // another worker of this process owns it
  watchdogLog.fatal(
    { workflow: w, ranMs: o.ranMs },
    'workflow code ran without yielding past its bound (a loop in workflow code): terminating that workflow; this worker stops and must be restarted',
  );
  if (!w?.workflowId || !temporal) return;
  try {
    await temporal.workflow
      .getHandle(w.workflowId, w.runId)
      .terminate(`its code ran ${o.ranMs} ms without yielding (workflow watchdog)`);
  } catch (err) {
    watchdogLog.error({ err, workflowId: w.workflowId }, 'could not terminate the overrunning workflow');
  }
}
