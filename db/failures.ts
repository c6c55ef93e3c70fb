// The one module that decides the class of a database error (issue: one failure taxonomy).
// `transient`: a retry can cure it (lost connection, serialization failure, deadlock, admin
// shutdown, too many connections). `permanent`: the data itself is refused (invalid text,
// integrity and check violations, bad time zone…): retrying changes nothing, so callers refuse
// the step with the domain code given here. `unknown`: not a database error at all.
import { DomainError, type FieldErrors } from '../domain/errors.js';

export type DbFailure = { kind: 'transient' } | { kind: 'permanent'; error: DomainError } | { kind: 'unknown' };

interface PgLike {
  code?: string;
  constraint?: string;
  column?: string;
  detail?: string;
  table?: string;
  message?: string;
  nativeError?: unknown;
}

/** SQLSTATE classes and codes a retry can cure. */
const TRANSIENT_CODES = new Set([
  '40001',
  '40P01',
  '55P03',
  '57P01',
  '57P02',
  '57P03',
  '53300',
  '53400',
  '58000',
  '58030',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '08007',
  '08P01',
]);
/** Node and driver failures of the connection itself. */
const TRANSIENT_NODE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNABORTED',
]);
const TRANSIENT_TEXT =
  /Connection terminated|Knex: Timeout acquiring a connection|Client has encountered a connection error|terminating connection|the database system is (starting up|shutting down)|Client was closed|connection is closed/i;

const camel = (s: string): string => s.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());

/** Objection wraps pg errors (nativeError); knex passes them as they are. */
function pgOf(err: unknown): PgLike {
  const e = (err ?? {}) as PgLike;
  const native = e.nativeError && typeof e.nativeError === 'object' ? (e.nativeError as PgLike) : undefined;
  // Spreading an Error skips its `message` (not enumerable): name every field we read.
  const pick = (k: keyof PgLike) => native?.[k] ?? e[k];
  return {
    code: pick('code') as string | undefined,
    constraint: pick('constraint') as string | undefined,
    column: pick('column') as string | undefined,
    detail: pick('detail') as string | undefined,
    table: pick('table') as string | undefined,
    message: (native?.message ?? e.message) as string | undefined,
  };
}

/** On delete, pg says: Key (id)=(3) is still referenced from table "departments". */
const referencedBy = (detail: string): string | undefined =>
  /still referenced from table "([a-z_]+)"/.exec(detail)?.[1];
/** Key (lower(email::text))=(x) already exists → email; (branch_id, code)=… → code. */
const keyColumns = (detail: string): string[] => {
  const cols = /Key \((.+?)\)=/.exec(detail)?.[1] ?? '';
  return cols
    .split(',')
    .map((c) => c.trim().replace(/^lower\((\w+)(::\w+)?\)$/, '$1'))
    .filter((c) => c && (!c.endsWith('_id') || c === 'user_id' || c === 'service_id'));
};

export function classifyDbError(err: unknown): DbFailure {
  const pg = pgOf(err);
  const code = typeof pg.code === 'string' ? pg.code : undefined;
  if (code && (TRANSIENT_CODES.has(code) || code.startsWith('08'))) return { kind: 'transient' };
  if (code && TRANSIENT_NODE.has(code)) return { kind: 'transient' };
  if (!code && TRANSIENT_TEXT.test(String(pg.message ?? ''))) return { kind: 'transient' };
  if (!code || !/^[0-9A-Z]{5}$/.test(code)) return { kind: 'unknown' };

  const detail = pg.detail ?? '';
  // Never the database's own sentence: data exceptions echo the input (a customer's name, say),
  // and this message travels into Temporal histories and logs. The SQLSTATE and constraint suffice.
  const message = `database refused the data (SQLSTATE ${code}${pg.constraint ? `, ${pg.constraint}` : ''}${pg.column ? `, column ${pg.column}` : ''})`;
  if (code === '23505') {
    const cols = keyColumns(detail);
    const fields: FieldErrors = Object.fromEntries(cols.map((c) => [camel(c), { code: 'already_used' }]));
    return {
      kind: 'permanent',
      error: new DomainError(
        'AlreadyUsed',
        { fields: cols.map(camel), constraint: pg.constraint },
        { message, fields },
      ),
    };
  }
  if (code === '23503') {
    const by = referencedBy(detail);
    if (by) return { kind: 'permanent', error: new DomainError('StillReferenced', { by }, { message }) };
    const col = keyColumns(detail)[0] ?? /Key \((\w+)\)/.exec(detail)?.[1];
    return {
      kind: 'permanent',
      error: new DomainError(
        'Validation',
        {},
        { message, fields: { [col ? camel(col) : '_']: { code: 'unknown_reference' } } },
      ),
    };
  }
  if (code === '23502')
    return {
      kind: 'permanent',
      error: new DomainError(
        'Validation',
        {},
        { message, fields: { [pg.column ? camel(pg.column) : '_']: { code: 'required' } } },
      ),
    };
  if (code === '22023' && /time zone/i.test(message))
    return {
      kind: 'permanent',
      error: new DomainError('Validation', {}, { message, fields: { timezone: { code: 'invalid_timezone' } } }),
    };
  // Data exceptions (22…: invalid text such as NUL, out of range, bad dates), other integrity and
  // check violations (23…), and invalid input to a function: the step itself is refused.
  if (code.startsWith('22') || code.startsWith('23'))
    return { kind: 'permanent', error: new DomainError('StepRefused', { sqlstate: code }, { message }) };
  // Syntax, undefined objects, privileges (42…) and the rest are our bugs: a retry cures nothing,
  // but they must be seen — the caller logs them as such.
  return { kind: 'permanent', error: new DomainError('Internal', { sqlstate: code }, { message }) };
}
