// The failure taxonomy at the activity boundary (issue 12, item 1). Every activity runs inside
// `guarded`: a refusal (DomainError, or a database refusal such as invalid text or a broken
// constraint) becomes a non-retryable ApplicationFailure carrying its code, so the workflow
// refuses the step and stays healthy; only what a retry can cure (lost connection,
// serialization failure, deadlock…, or an unknown failure such as Temporal being away) is thrown
// as it is, for Temporal to retry. An activity that keeps failing is reported as stuck (health,
// monitor, `VtStuck` in the Web UI) from its third attempt on, and the report is cleared when it
// succeeds.
import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import { classifyDbError } from '../db/failures.js';
import { DomainError } from '../domain/errors.js';
import { failureOf } from '../domain/failure.js';
import type { StuckReporter } from './stuck/report.js';

/** From this attempt on, an activity still failing counts as stuck. */
export const STUCK_ATTEMPT = 3;

/** The class of an activity's failure: rethrown as is (retry) or as a non-retryable refusal. */
export function classifyActivityError(err: unknown): unknown {
  if (err instanceof ApplicationFailure) return err;
  if (err instanceof DomainError) return failureOf(err);
  const db = classifyDbError(err);
  if (db.kind === 'permanent') return failureOf(db.error);
  return err;
}

function activityInfo(): { attempt: number; workflowId: string; type: string } | undefined {
  try {
    const { info } = Context.current();
    const workflowId = info.workflowExecution?.workflowId;
    return workflowId ? { attempt: info.attempt, workflowId, type: info.activityType } : undefined;
  } catch {
    return undefined; // called outside an activity (a unit test): nothing to report
  }
}

export function guarded<A extends unknown[], R>(
  fn: (...a: A) => Promise<R>,
  stuck?: StuckReporter,
): (...a: A) => Promise<R> {
  return async (...args: A): Promise<R> => {
    const info = activityInfo();
    if (info && stuck && info.attempt >= STUCK_ATTEMPT)
      await stuck.activityRetrying(info.workflowId, info.type, info.attempt);
    try {
      const result = await fn(...args);
      if (info && stuck && info.attempt >= STUCK_ATTEMPT) await stuck.activityRecovered(info.workflowId);
      return result;
    } catch (err) {
      const out = classifyActivityError(err);
      if (info && stuck && info.attempt >= STUCK_ATTEMPT) {
        // Retried again: say why. Refused at last: the workflow refuses the step and moves on.
        if (out === err) await stuck.lastError(info.workflowId, info.type, info.attempt, err);
        else await stuck.activityRecovered(info.workflowId);
      }
      throw out;
    }
  };
}

/** Wraps every function of an activities object. */
export function guardAll<T extends Record<string, (...a: never[]) => Promise<unknown>>>(
  acts: T,
  stuck?: StuckReporter,
): T {
  return Object.fromEntries(
    Object.entries(acts).map(([k, fn]) => [k, guarded(fn as (...a: unknown[]) => Promise<unknown>, stuck)]),
  ) as unknown as T;
}
