// Overdue calls and attentions in the Temporal Web UI (`VtStuck`, issue 12 item 5). The rows say
// what is overdue (db/stuck/list.ts); the sweeper signals each such workflow once, so no ticket keeps a
// timer of its own for a limit that almost never passes (that timer cost every attention two
// history events and a timer task: issue 15's budget).
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { Db } from '../../db/knex.js';
import { listOverdue } from '../../db/stuck/list.js';
import { reportStuck } from '../../domain/stuck.js';
import type { Logger } from '../../platform/logger.js';

export interface OverdueFlagger {
  /** Signals the workflows newly overdue since the last pass; returns how many it signalled. */
  flag(): Promise<number>;
}

export function createOverdueFlagger(deps: { db: Db; temporal: Client; log: Logger }): OverdueFlagger {
  // What this process already signalled and is still overdue. A restart signals them again, which
  // the workflow takes as a no-op; a ticket that stops being overdue and becomes so again is
  // signalled again (the workflow cleared its flag when its status moved).
  let signalled = new Set<string>();
  return {
    async flag() {
      const overdue = await listOverdue(deps.db);
      const now = new Set(overdue.map((o) => `${o.workflowId}|${o.reason}`));
      let n = 0;
      for (const o of overdue) {
        if (signalled.has(`${o.workflowId}|${o.reason}`)) continue;
        try {
          await deps.temporal.workflow
            .getHandle(o.workflowId)
            .signal(reportStuck, { reason: o.reason, activity: '', attempt: 0 });
          n += 1;
        } catch (err) {
          if (!(err instanceof WorkflowNotFoundError)) throw err; // closed meanwhile: the sweep of closed workflows handles it
        }
      }
      signalled = now;
      if (n) deps.log.warn({ flagged: n }, 'overdue calls or attentions flagged for ops (VtStuck)');
      return n;
    },
  };
}
