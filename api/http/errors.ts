// One place that turns failures into HTTP answers: field errors for bad input, the domain's
// stable codes for refused steps, and a logged 500 only for what nobody foresaw.
import type { ErrorRequestHandler } from 'express';
import { ZodError } from 'zod';
import { DomainError, ERROR_STATUS } from '../../domain/errors.js';
import type { Logger } from '../../runtime/logger.js';

export const fieldErrors = (err: ZodError): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const issue of err.issues) {
    const key = issue.path.join('.') || '_';
    out[key] ??= issue.message;
  }
  return out;
};

/** A domain refusal about one field ({field}) or several ({fields}) answers like a zod error. */
const domainFields = (err: DomainError): { fields?: Record<string, string> } => {
  const d = err.details;
  if (d && typeof d.fields === 'object' && d.fields) return { fields: d.fields as Record<string, string> };
  if (d && typeof d.field === 'string') return { fields: { [d.field]: err.message } };
  return {};
};

export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    if (err instanceof ZodError) {
      res.status(400).json({ error: 'Validation', message: 'Some fields are invalid.', fields: fieldErrors(err) });
      return;
    }
    if (err instanceof DomainError) {
      res.status(ERROR_STATUS[err.code]).json({ error: err.code, message: err.message, ...domainFields(err), ...(err.details ? { details: err.details } : {}) });
      return;
    }
    // body-parser: malformed JSON, too large, wrong charset — the client's fault, said plainly.
    const status = (err as { status?: number; statusCode?: number }).status ?? (err as { statusCode?: number }).statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const type = (err as { type?: string }).type;
      res.status(status).json({ error: type === 'entity.too.large' ? 'PayloadTooLarge' : 'BadRequest', message: type === 'entity.parse.failed' ? 'The body is not valid JSON.' : (err as Error).message });
      return;
    }
    // Postgres refusals that slipped past validation (e.g. a foreign key to a missing row).
    const code = (err as { code?: string }).code;
    if (code === '23503' || code === '23505' || code === '23514' || code === '22P02' || code === '22003') {
      res.status(code === '23505' ? 409 : 400).json({ error: code === '23505' ? 'Conflict' : 'Validation', message: (err as { detail?: string }).detail ?? 'The data breaks a rule of the database.' });
      return;
    }
    log.error({ err, method: req.method, url: req.originalUrl }, 'unhandled error');
    res.status(500).json({ error: 'Internal', message: 'Unexpected error; it has been logged.' });
  };
}
