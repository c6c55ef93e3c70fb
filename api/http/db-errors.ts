// Database refusals a client can cause, turned into answers that say what to do. Objection wraps
// pg errors (db-errors); the constraint tells which rule was broken.
import { CheckViolationError, DataError, DBError, ForeignKeyViolationError, NotNullViolationError, UniqueViolationError } from 'objection';
import { DomainError } from '../../domain/errors.js';

/** On delete, pg says: Key (id)=(3) is still referenced from table "departments". */
const referencedBy = (err: InstanceType<typeof DBError>): string | undefined => {
  const detail = (err.nativeError as { detail?: string }).detail ?? '';
  return /still referenced from table "([a-z_]+)"/.exec(detail)?.[1];
};

export async function toDomainError<T>(resource: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof UniqueViolationError) {
      // Expression indexes report e.g. lower(email::text): keep the column name.
      const cols = err.columns.map((c) => c.replace(/^lower\((\w+)(::\w+)?\)$/, '$1'))
        .filter((c) => !c.endsWith('_id') || c === 'user_id' || c === 'service_id');
      throw new DomainError('Conflict', `Another ${resource} row already has this ${cols.join(' + ') || 'value'}: choose a different one.`, { fields: Object.fromEntries(cols.map((c) => [camel(c), 'already used'])) });
    }
    if (err instanceof ForeignKeyViolationError) {
      const by = referencedBy(err);
      if (by) throw new DomainError('Conflict', `This ${resource} row is still used by ${by}: delete or reassign those first.`);
      throw new DomainError('Validation', `A referenced row does not exist (${err.constraint}).`);
    }
    if (err instanceof NotNullViolationError) throw new DomainError('Validation', `${camel(err.column)} is required.`, { fields: { [camel(err.column)]: 'required' } });
    if (err instanceof CheckViolationError) throw new DomainError('Validation', `A value is out of range (${err.constraint}).`);
    if (err instanceof DataError) throw new DomainError('Validation', 'A value has the wrong type or is too long.');
    throw err;
  }
}

const camel = (s: string): string => s.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
