// Zod issues as field errors with stable codes (domain/errors.ts FIELD_CODES), shared by the
// API's error handler and the SFU's acks, so both UIs translate one set of codes.
import type { ZodError } from 'zod';
import { isErrorCode, isFieldCode, type FieldError, type FieldErrors } from './errors.js';

type Issue = ZodError['issues'][number];

function fieldErrorOf(issue: Issue): FieldError {
  // A schema that names its own code (e.g. .regex(…, 'invalid_phone')) wins.
  if (isFieldCode(issue.message) || isErrorCode(issue.message)) {
    const params: Record<string, unknown> = {};
    if ('maximum' in issue) params.max = Number(issue.maximum);
    if ('minimum' in issue) params.min = Number(issue.minimum);
    return { code: issue.message, ...(Object.keys(params).length ? { params } : {}) };
  }
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1
          ? { code: 'required' }
          : { code: 'too_short', params: { min: Number(issue.minimum) } };
      return { code: 'too_small', params: { min: Number(issue.minimum) } };
    case 'too_big':
      return issue.origin === 'string' || issue.origin === 'array'
        ? { code: 'too_long', params: { max: Number(issue.maximum) } }
        : { code: 'too_large', params: { max: Number(issue.maximum) } };
    case 'invalid_type':
      return issue.input === undefined
        ? { code: 'required' }
        : { code: 'invalid_type', params: { expected: issue.expected } };
    case 'invalid_value':
      return { code: 'invalid_value', params: { values: issue.values.map(String) } };
    case 'invalid_format':
      if (issue.format === 'email') return { code: 'invalid_email' };
      if (issue.format === 'url') return { code: 'invalid_url' };
      if (issue.format === 'datetime' || issue.format === 'date') return { code: 'invalid_date' };
      return { code: 'invalid_format' };
    case 'unrecognized_keys':
      return { code: 'unknown_field' };
    default:
      return { code: 'invalid_value' };
  }
}

export function fieldErrors(err: ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of err.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const k of issue.keys) out[[...issue.path, k].join('.')] ??= { code: 'unknown_field' };
      continue;
    }
    const key = issue.path.join('.') || '_';
    out[key] ??= fieldErrorOf(issue);
  }
  return out;
}
