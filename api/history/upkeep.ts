// The history's upkeep (issue 18), in the API process because it owns the uploaded files: at
// start and then every HISTORY_UPKEEP_SECONDS, the timeline's coming months are created (and any
// steps that landed in its default partition moved to a month of their own), then customer data
// past each entity's retention is anonymised. Several APIs may run it: the partition upkeep takes
// an advisory lock, and retention batches skip rows another pass holds.
import type { Db } from '../../db/knex.js';
import { ensureTimelinePartitions } from '../../db/history/partitions.js';
import { anonymiseExpired } from '../../db/history/retention.js';
import type { Logger } from '../../platform/logger.js';
import { runEvery, type Periodic } from '../../platform/periodic.js';

export function startHistoryUpkeep(deps: { db: Db; log: Logger; filesDir: string }, everyMs: number): Periodic {
  return runEvery(
    everyMs,
    async () => {
      const created = await ensureTimelinePartitions(deps.db);
      if (created.length) deps.log.info({ created }, 'timeline partitions created');
      const done = await anonymiseExpired(deps.db, {
        filesDir: deps.filesDir,
        progress: (p) => deps.log.info(p, 'anonymising customer data past its retention'),
      });
      if (done.tickets || done.customers) deps.log.info(done, 'customer data past its retention anonymised');
    },
    (err) =>
      deps.log.warn(
        { err: (err as Error).message },
        'history upkeep failed; steps still land in the default partition and retention waits for the next pass',
      ),
  );
}
