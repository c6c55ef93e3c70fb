// GET /api/health: is the database answering, is Temporal answering, is a worker polling?
import { Router } from 'express';
import protos from '@temporalio/proto'; // CommonJS: named imports do not resolve under ESM
import type { ApiDeps } from '../deps.js';

type Check = { ok: boolean; detail?: string };

export function healthRoutes(deps: ApiDeps): Router {
  const r = Router();
  r.get('/health', async (_req, res) => {
    const [database, temporal, worker] = await Promise.all([checkDb(deps), checkTemporal(deps), checkWorker(deps)]);
    const ok = database.ok && temporal.ok && worker.ok;
    res.status(ok ? 200 : 503).json({ status: ok ? 'ok' : 'degraded', database, temporal, worker });
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
      namespace: config.TEMPORAL_NAMESPACE, taskQueue: { name: taskQueue },
      taskQueueType: protos.temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
    });
    const recent = (res.pollers ?? []).filter((p) => {
      const s = Number(p.lastAccessTime?.seconds ?? 0);
      return Date.now() / 1000 - s < 60;
    });
    return recent.length ? { ok: true, detail: `${recent.length} poller(s)` } : { ok: false, detail: `no worker polls task queue ${taskQueue}` };
  } catch (err) {
    return failed(err);
  }
}
