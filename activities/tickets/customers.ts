import type { Knex } from 'knex';
import type { CustomerFields } from '../../domain/ticket-messages.js';

const columns = (c: CustomerFields) => {
  const out: Record<string, string | null> = {};
  if (c.firstName !== undefined) out.first_name = c.firstName;
  if (c.lastName !== undefined) out.last_name = c.lastName;
  if (c.email !== undefined) out.email = c.email;
  if (c.idNumber !== undefined) out.id_number = c.idNumber;
  if (c.phone !== undefined) out.phone = c.phone;
  return out;
};

/**
 * Updates the customer, or creates one; a new customer whose ID number the entity already
 * knows is that customer (no duplicates from two desks typing the same person).
 */
export async function upsertCustomer(trx: Knex.Transaction, entityId: number, id: number | null, fields: CustomerFields): Promise<number> {
  const values = columns(fields);
  if (id !== null) {
    if (Object.keys(values).length) await trx('customers').where({ id, entity_id: entityId }).update({ ...values, updated_at: trx.fn.now() });
    return id;
  }
  if (fields.idNumber) {
    const known = await trx('customers').where({ entity_id: entityId, id_number: fields.idNumber }).first('id');
    if (known) return upsertCustomer(trx, entityId, known.id, fields);
  }
  const [row] = await trx('customers').insert({ entity_id: entityId, first_name: fields.firstName ?? '', last_name: fields.lastName ?? '', ...values }).returning('id');
  return row.id;
}
