// The console's one error class: a refusal as the servers send it (domain/errors.ts ErrorBody,
// the SFU's ack errors) or as the screen itself decides it (no network, a step it refuses): a
// stable code, its params and per-field errors. The English `message` stays out on purpose:
// screens word a refusal from its code (i18n/errors.ts), so nobody shows the server's English.
import type { KnownCustomer } from '@domain/customers';
import type { ErrorParams, FieldErrors } from '@domain/errors';

export class ApiError extends Error {
  constructor(
    readonly code: string,
    readonly params: ErrorParams = {},
    readonly fields: FieldErrors = {},
    /** The HTTP status when the refusal came from the API; undefined for the SFU, the network and the screen. */
    readonly status?: number,
  ) {
    super(code);
    this.name = 'ApiError';
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Field errors as sent; anything malformed is dropped rather than shown raw. */
export function fieldErrorsOf(v: unknown): FieldErrors {
  if (!isObject(v)) return {};
  const out: FieldErrors = {};
  for (const [field, e] of Object.entries(v)) {
    if (isObject(e) && typeof e.code === 'string')
      out[field] = { code: e.code as FieldErrors[string]['code'], ...(isObject(e.params) ? { params: e.params } : {}) };
  }
  return out;
}

/** What a bare status most likely means, for answers that did not come from the API itself. */
const codeOfStatus = (status: number): string =>
  status === 413 ? 'PayloadTooLarge' : status === 429 ? 'TooManyRequests' : status >= 500 ? 'Unavailable' : 'unknown';

/** The ApiError for a failed response; a body that is not our JSON (a proxy's page) keeps only the status. */
export function apiErrorOf(status: number, text: string): ApiError {
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (!isObject(body) || typeof body.code !== 'string') return new ApiError(codeOfStatus(status), {}, {}, status);
  return new ApiError(body.code, isObject(body.params) ? body.params : {}, fieldErrorsOf(body.fields), status);
}

/** A failure that is no refusal is our own bug or the browser's: the screen says so generically, the console keeps it. */
export function logUnexpected(err: unknown): void {
  if (!(err instanceof ApiError)) console.error(err);
}

/** Issue 12 item 4: the customer that already has this ID number or e-mail (CustomerExists), contact values masked. */
export function existingCustomer(err: unknown): KnownCustomer | undefined {
  if (!(err instanceof ApiError) || err.code !== 'CustomerExists') return undefined;
  const c = err.params.customer;
  if (!isObject(c) || typeof c.id !== 'number') return undefined;
  const text = (v: unknown) => (typeof v === 'string' && v ? v : null);
  return { id: c.id, name: text(c.name) ?? '', email: text(c.email), phone: text(c.phone), idNumber: text(c.idNumber) };
}
