// One place that turns failures into HTTP answers: field errors for bad input, the domain's
// stable codes for refused steps, and a logged 500 only for what nobody foresaw. Every answer
// has the shape of domain/errors.ts ErrorBody, so the UIs translate `code` + `params`.
import type { ErrorRequestHandler } from 'express';
import { ZodError } from 'zod';
import { classifyDbError } from '../../db/failures.js';
import { DomainError, errorBody } from '../../domain/errors.js';
import { fieldErrors } from '../../domain/validation.js';
import type { Logger } from '../../platform/logger.js';

/** Any failure a client can cause, as a DomainError; undefined for our own bugs. */
export function asDomainError(err: unknown): DomainError | undefined {
  if (err instanceof DomainError) return err;
  if (err instanceof ZodError)
    return new DomainError('Validation', {}, { message: 'Some fields are invalid.', fields: fieldErrors(err) });
  // body-parser: malformed JSON, too large, wrong charset — the client's fault, said plainly.
  const e = err as { status?: number; statusCode?: number; type?: string; message?: string };
  const status = e.status ?? e.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    if (e.type === 'entity.too.large' || status === 413) return new DomainError('PayloadTooLarge');
    if (status === 429) return new DomainError('TooManyRequests');
    return new DomainError(
      'BadJson',
      {},
      { message: e.type === 'entity.parse.failed' ? 'The body is not valid JSON.' : e.message },
    );
  }
  // Database refusals that slipped past validation (e.g. a foreign key to a missing row).
  const db = classifyDbError(err);
  // Our own bugs (bad SQL) are no client's fault: they fall through to the logged 500.
  if (db.kind === 'permanent') return db.error.code === 'Internal' ? undefined : db.error;
  if (db.kind === 'transient')
    return new DomainError('Unavailable', {}, { message: 'The database is busy or unreachable: retry in a moment.' });
  return undefined;
}

export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const known = asDomainError(err);
    if (known) {
      if (known.kind === 'Unavailable')
        log.warn({ err, method: req.method, url: req.originalUrl }, 'request refused: dependency unavailable');
      res.status(known.status).json(errorBody(known));
      return;
    }
    log.error({ err, method: req.method, url: req.originalUrl }, 'unhandled error');
    res
      .status(500)
      .json({ error: 'Internal', code: 'Internal', params: {}, message: 'Unexpected error; it has been logged.' });
  };
}
