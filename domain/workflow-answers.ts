// What a call to a workflow (an Update, a signal, update-with-start) answered, as data: a
// refusal with its code, or "the workflow is gone" — both are answers, never reasons to retry
// (issue 12, item 1). Anything else (Temporal unreachable, a time-out) is rethrown as it is.
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { DomainError, type ErrorCode } from './errors.js';
import { domainErrorOf } from './failure.js';

function applicationFailureIn(err: unknown): ApplicationFailure | undefined {
  let f: unknown = err;
  for (let depth = 0; f && depth < 8; depth++) {
    if (f instanceof ApplicationFailure) return f;
    f = (f as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * The workflow itself is gone: not found, or its run already completed. Only those words count — a
 * bare gRPC NOT_FOUND can also be a namespace of a Temporal still restarting, which a retry cures.
 */
const isGone = (err: unknown): boolean =>
  err instanceof WorkflowNotFoundError ||
  /workflow execution already completed|workflow not found|not found for ID/i.test(
    String((err as Error)?.message ?? ''),
  );

/** Runs a call to a workflow; refusals and closed workflows become DomainErrors (`gone` names the latter). */
export async function asDomain<T>(gone: ErrorCode, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    const failure = applicationFailureIn(err);
    const known = failure && domainErrorOf(failure);
    if (known) throw known;
    // Refused for another reason (the workflow completed or was terminated before the Update ran).
    if (err instanceof WorkflowUpdateFailedError || isGone(err))
      throw new DomainError(gone, {}, { message: (err as Error).message });
    throw err;
  }
}
