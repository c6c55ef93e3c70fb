// Issue 19: the alert evaluator, run by the worker every ALERT_EVAL_SECONDS. Each pass reads the
// conditions that hold now and reconciles the open alerts with them (db/alerts/record.ts):
// idempotent, so a pass skipped or doubled changes nothing.
import type { Db } from '../../db/knex.js';
import { loadRuleBook } from '../../db/alerts/rules.js';
import { currentConditions } from '../../db/alerts/conditions.js';
import { reconcileAlerts, type Reconciled } from '../../db/alerts/record.js';
import type { Logger } from '../../platform/logger.js';
import { runEvery, type Periodic } from '../../platform/periodic.js';

export async function evaluateAlerts(db: Db): Promise<Reconciled> {
  return reconcileAlerts(db, await currentConditions(db, await loadRuleBook(db)));
}

export function startAlertEvaluator(deps: { db: Db; log: Logger }, everyMs: number): Periodic {
  return runEvery(
    everyMs,
    async () => {
      const { raised, cleared } = await evaluateAlerts(deps.db);
      if (raised.length || cleared.length)
        deps.log.info({ raised: raised.map((a) => a.kind), cleared: cleared.map((a) => a.kind) }, 'alerts changed');
    },
    (err) => deps.log.warn({ err: (err as Error).message }, 'alert evaluation failed; next pass retries'),
  );
}
