// The refusal inside an activity failure, so a workflow answers its caller with the activity's
// own code (ApplicationFailure type) instead of a wrapper.
import { ActivityFailure, ApplicationFailure } from '@temporalio/common';

export const refusalOf = (err: unknown): unknown =>
  err instanceof ActivityFailure && err.cause instanceof ApplicationFailure ? err.cause : err;
