// `VtStuck` for ops (issue 12, item 5): the activity guard signals a workflow whose activity
// keeps failing; the workflow shows it as a search attribute until that activity completes.
// Deterministic: only a received signal sets it, so histories without one replay unchanged.
import { upsertSearchAttributes } from '@temporalio/workflow';
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import type { StuckReason, StuckReport } from '../domain/stuck.js';

export const StuckKey = defineSearchAttributeKey('VtStuck', SearchAttributeType.KEYWORD_LIST);

export function createStuckFlag() {
  let shown: StuckReason | null = null;
  const clear = (reason: StuckReason) => {
    if (shown !== reason) return;
    shown = null;
    upsertSearchAttributes([{ key: StuckKey, value: [] }]);
  };
  return {
    report(r: StuckReport) {
      shown = r.reason;
      upsertSearchAttributes([{ key: StuckKey, value: [r.reason] }]);
    },
    shows: (reason: StuckReason): boolean => shown === reason,
    clear,
    /** Awaits an activity; once it settles, a stuck flag it caused is cleared. */
    async watch<T>(p: Promise<T>): Promise<T> {
      try {
        return await p;
      } finally {
        clear('activity_retrying');
      }
    },
  };
}
