// Issue 19: the alert evaluator, run by the worker. Each pass reads the conditions that hold now
// and reconciles the open alerts with them (db/alerts/record.ts): idempotent, so a pass skipped
// or doubled changes nothing. Passes run every ALERT_EVAL_SECONDS — conditions that start with
// time alone (a wait passing its target, a break its cap) are seen then — and also soon after a
// ticket or shift change is announced, so that an alert clears (or a queue alert raises) without
// waiting for the next tick. One pass at a time, at most one a second from events.
import type { Db } from '../../db/knex.js';
import { listenForChanges } from '../../db/changes.js';
import { loadRuleBook } from '../../db/alerts/rules.js';
import { currentConditions } from '../../db/alerts/conditions.js';
import { reconcileAlerts, type Reconciled } from '../../db/alerts/record.js';
import type { Logger } from '../../platform/logger.js';
import type { Periodic } from '../../platform/periodic.js';

/** Events closer together than this share one pass. */
const EVENT_GAP_MS = 1000;

export async function evaluateAlerts(db: Db): Promise<Reconciled> {
  return reconcileAlerts(db, await currentConditions(db, await loadRuleBook(db)));
}

/** `dbUrl`: listen for ticket and shift changes too (without it, only the period). */
export function startAlertEvaluator(deps: { db: Db; log: Logger; dbUrl?: string }, everyMs: number): Periodic {
  const { db, log } = deps;
  let running: Promise<void> | null = null;
  let again = false;
  let lastEnd = 0;
  let soon: NodeJS.Timeout | undefined;
  let stopped = false;
  const pass = async () => {
    const { raised, cleared } = await evaluateAlerts(db);
    if (raised.length || cleared.length)
      log.info({ raised: raised.map((a) => a.kind), cleared: cleared.map((a) => a.kind) }, 'alerts changed');
  };
  const run = () => {
    if (running) {
      again = true; // what changed meanwhile is read by one more pass
      return;
    }
    running = pass()
      .catch((err: unknown) => log.warn({ err: (err as Error).message }, 'alert evaluation failed; next pass retries'))
      .finally(() => {
        running = null;
        lastEnd = Date.now();
        if (again) {
          again = false;
          kick();
        }
      });
  };
  const kick = () => {
    if (stopped) return;
    soon ??= setTimeout(
      () => {
        soon = undefined;
        run();
      },
      Math.max(0, lastEnd + EVENT_GAP_MS - Date.now()),
    );
  };
  run();
  const timer = setInterval(run, everyMs);
  const changes = deps.dbUrl
    ? listenForChanges(deps.dbUrl, log, (e) => {
        if (e.kind === 'ticket' || e.kind === 'shift') kick();
      })
    : undefined;
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      clearTimeout(soon);
      await changes?.close();
      await running;
    },
  };
}
