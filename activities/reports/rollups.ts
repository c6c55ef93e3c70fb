// Runs the report rollup job (db/reports/rollup.ts) in the worker process, beside the stuck-work
// sweeper: once at start (a first start after an upgrade backfills the history, with progress in
// the log) and then every REPORT_ROLLUP_SECONDS; a long backfill is not doubled by the next tick.
// Several workers may run it: rolling a day is idempotent and rollers of one day take turns on its row.
import type { Logger } from '../../platform/logger.js';
import type { Db } from '../../db/knex.js';
import { rollPending } from '../../db/reports/rollup.js';
import { runEvery, type Periodic } from '../../platform/periodic.js';

export function startReportRollups(deps: { db: Db; log: Logger }, everyMs: number): Periodic {
  return runEvery(
    everyMs,
    async () => {
      const started = Date.now();
      const { rolled, dirty } = await rollPending(deps.db, (done, total) =>
        deps.log.info({ done, total }, 'rolling report days'),
      );
      if (rolled) deps.log.info({ rolled, dirty, ms: Date.now() - started }, 'report rollups up to date');
    },
    (err) =>
      deps.log.warn(
        { err: (err as Error).message },
        'report rollup failed; reports compute those days live, the next pass retries',
      ),
  );
}
