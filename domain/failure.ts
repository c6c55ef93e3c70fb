// Refusals as Temporal failures: the type is the error code and the first detail its params, so
// a refusal raised in a workflow or an activity reaches the API (and the UIs) as the same code.
// Always non-retryable: a refusal is an answer, and retrying an answer changes nothing.
import { ApplicationFailure } from '@temporalio/common';
import { DomainError, isErrorCode, type ErrorCode, type ErrorParams, type FieldErrors } from './errors.js';

export const refusal = (
  code: ErrorCode,
  params: ErrorParams = {},
  message?: string,
  fields?: FieldErrors,
): ApplicationFailure =>
  ApplicationFailure.create({
    type: code,
    message: message ?? code,
    nonRetryable: true,
    details: fields ? [params, fields] : [params],
  });

/** The DomainError a failure carries, when its type is one of our codes. */
export function domainErrorOf(failure: ApplicationFailure): DomainError | undefined {
  if (!isErrorCode(failure.type)) return undefined;
  const [params, fields] = (failure.details ?? []) as [ErrorParams | undefined, FieldErrors | undefined];
  return new DomainError(failure.type, params ?? {}, { message: failure.message, fields });
}

export const failureOf = (e: DomainError): ApplicationFailure => refusal(e.code, e.params, e.message, e.fields);
