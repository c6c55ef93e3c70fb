// Runs the report rollup job (db/reports/rollup.ts) in the worker process, beside the stuck-work
// sweeper: once at start (a first start after an upgrade backfills the history, with progress in
// the log) and then every REPORT_ROLLUP_SECONDS. Several workers may run it: rolling a day is
// idempotent and rollers of one day take turns on its row.
import type { Logger } from '../../platform/logger.js';
import type { Db } from '../../db/knex.js';
import { rollPending } from '../../db/reports/rollup.js';

export function startReportRollups(deps: { db: Db; log: Logger }, everyMs: number): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  let busy = false;
  const tick = () => {
    if (busy) return; // a long backfill is still going: the next tick finds what is left
    busy = true;
    const started = Date.now();
    running = rollPending(deps.db, (done, total) => deps.log.info({ done, total }, 'rolling report days'))
      .then(({ rolled, dirty }) => {
        if (rolled) deps.log.info({ rolled, dirty, ms: Date.now() - started }, 'report rollups up to date');
      })
      .catch((err: unknown) =>
        deps.log.warn(
          { err: (err as Error).message },
          'report rollup failed; reports compute those days live, the next pass retries',
        ),
      )
      .finally(() => {
        busy = false;
      });
  };
  tick();
  const timer = setInterval(tick, everyMs);
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
