// Issue 20: the position watcher — a pass in the worker that finds waiting customers who should
// now hear "N ahead of you" or "you are next" (db/messages/positions.ts) and signals their
// ticket workflows, which send from themselves. Nothing here runs on the dispatch path, and a
// ticket whose customer cannot be told is never signalled (issue 15: it costs nothing).
import type { Client } from '@temporalio/client';
import type { Db } from '../../db/knex.js';
import { positionNews } from '../../db/messages/positions.js';
import { positionReached } from '../../domain/message-signals.js';
import { runEvery, type Periodic } from '../../platform/periodic.js';
import type { Logger } from '../../platform/logger.js';

export async function tellPositions(deps: { db: Db; temporal: Client; log: Logger }): Promise<number> {
  const news = await positionNews(deps.db);
  for (const n of news) {
    // A ticket that just left the queue ended its run or ignores the signal: nothing to undo.
    await deps.temporal.workflow
      .getHandle(n.workflowId)
      .signal(positionReached, { ahead: n.ahead, occasion: n.occasion })
      .catch((err: unknown) => deps.log.warn({ err, ticketId: n.ticketId }, 'position signal not delivered'));
  }
  return news.length;
}

export function startPositionWatcher(deps: { db: Db; temporal: Client; log: Logger }, everyMs: number): Periodic {
  return runEvery(
    everyMs,
    () => tellPositions(deps),
    (err) => deps.log.error({ err }, 'position watcher pass failed'),
  );
}
