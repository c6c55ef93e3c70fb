// GET /api/health: is the database answering, is Temporal answering, is a worker polling?
import { Router } from 'express';
import protos from '@temporalio/proto'; // CommonJS: named imports do not resolve under ESM
import type { ApiDeps } from '../deps.js';
import { countStuck } from '../../db/stuck/list.js';

type Check = { ok: boolean; detail?: string };

export function healthRoutes(deps: ApiDeps): Router {
  const r = Router();
  r.get('/health', async (_req, res) => {
    const [database, temporal, worker, stuck] = await Promise.all([
      checkDb(deps),
      checkTemporal(deps),
      checkWorker(deps),
      checkStuck(deps),
    ]);
    const ok = database.ok && temporal.ok && worker.ok;
    // Stuck work does not make the API unhealthy (it still serves), but it is counted here, by
    // reason, so an operator's probe sees it; the monitor lists it and releases it.
    res.status(ok ? 200 : 503).json({ status: ok ? 'ok' : 'degraded', database, temporal, worker, stuck });
  });
  return r;
}

const failed = (err: unknown): Check => ({ ok: false, detail: (err as Error).message });

async function checkDb({ db }: ApiDeps): Promise<Check> {
  try {
    await db.raw('select 1');
    return { ok: true };
  } catch (err) {
    return failed(err);
  }
}

async function checkTemporal({ temporal, config }: ApiDeps): Promise<Check> {
  try {
    await temporal.workflowService.describeNamespace({ namespace: config.TEMPORAL_NAMESPACE });
    return { ok: true };
  } catch (err) {
    return failed(err);
  }
}

/** A worker is up when something polled the task queue in the last minute. */
async function checkWorker({ temporal, config, taskQueue }: ApiDeps): Promise<Check> {
  try {
    const res = await temporal.workflowService.describeTaskQueue({
      namespace: config.TEMPORAL_NAMESPACE,
      taskQueue: { name: taskQueue },
      taskQueueType: protos.temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
    });
    const recent = (res.pollers ?? []).filter((p) => {
      const s = Number(p.lastAccessTime?.seconds ?? 0);
      return Date.now() / 1000 - s < 60;
    });
    return recent.length
      ? { ok: true, detail: `${recent.length} poller(s)` }
      : { ok: false, detail: `no worker polls task queue ${taskQueue}` };
  } catch (err) {
    return failed(err);
  }
}

/** Tickets and shifts that do not move (issue 12, item 5), counted by reason. */
async function checkStuck({ db }: ApiDeps): Promise<{ total: number; byReason: Record<string, number> } | Check> {
  try {
    const byReason = await countStuck(db);
    return { total: Object.values(byReason).reduce((a, b) => a + b, 0), byReason };
  } catch (err) {
    return failed(err);
  }
}
