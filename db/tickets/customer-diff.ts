// Issue 16: a customer edit's timeline step says what changed (field: before → after), read from
// the customer's row inside the step's transaction, just before it is written. The values are
// personal data: the retention job removes them with every other non-figure detail
// (db/history/retention.ts KEPT_DETAIL_KEYS does not list `changes`).
import type { Knex } from 'knex';
import type { CustomerFields } from '../../domain/ticket-messages.js';
import { CUSTOMER_FIELDS } from '../../domain/timeline-steps.js';

const COLUMNS = {
  firstName: 'first_name',
  lastName: 'last_name',
  idNumber: 'id_number',
  email: 'email',
  phone: 'phone',
} as const satisfies Record<(typeof CUSTOMER_FIELDS)[number], string>;

export type CustomerChanges = Partial<Record<keyof typeof COLUMNS, { before: string | null; after: string | null }>>;

/** The fields `fields` really changes on customer `id` (null: a customer about to be created). */
export async function customerChanges(
  trx: Knex.Transaction,
  id: number | null,
  fields: CustomerFields,
): Promise<CustomerChanges> {
  const row: Record<string, string | null> | undefined = id
    ? await trx('customers').where({ id }).first(Object.values(COLUMNS))
    : undefined;
  const changes: CustomerChanges = {};
  for (const f of CUSTOMER_FIELDS) {
    const after = fields[f];
    if (after === undefined) continue;
    const before = row?.[COLUMNS[f]] ?? null;
    const norm = (v: string | null) => (v === '' ? null : v);
    if (norm(before) !== norm(after)) changes[f] = { before: norm(before), after: norm(after) };
  }
  return changes;
}
