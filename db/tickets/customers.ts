import type { Knex } from 'knex';
import type { CustomerFields } from '../../domain/ticket-messages.js';

const columns = (c: CustomerFields) => {
  const out: Record<string, string | boolean | null> = {};
  if (c.firstName !== undefined) out.first_name = c.firstName;
  if (c.lastName !== undefined) out.last_name = c.lastName;
  if (c.email !== undefined) out.email = c.email;
  if (c.idNumber !== undefined) out.id_number = c.idNumber;
  if (c.phone !== undefined) out.phone = c.phone;
  // Issue 20: consent and language, when the form that took her contact asked.
  if (c.notifyEmail !== undefined) out.notify_email = c.notifyEmail;
  if (c.notifySms !== undefined) out.notify_sms = c.notifySms;
  if (c.notifyWhatsapp !== undefined) out.notify_whatsapp = c.notifyWhatsapp;
  if (c.lang !== undefined) out.lang = c.lang;
  return out;
};

/**
 * Updates the customer, or creates one. A new customer whose ID number or e-mail the entity
 * already knows is that customer — linked as she is, never renamed: only an explicit edit of her
 * changes her data (staff are asked first, with a 409 CustomerExists, before it comes to this).
 */
export async function upsertCustomer(
  trx: Knex.Transaction,
  entityId: number,
  id: number | null,
  fields: CustomerFields,
): Promise<number> {
  const values = columns(fields);
  if (id !== null) {
    if (Object.keys(values).length)
      await trx('customers')
        .where({ id, entity_id: entityId })
        .update({ ...values, updated_at: trx.fn.now() });
    return id;
  }
  const known = await findKnownCustomer(trx, entityId, fields);
  if (known) return known.id;
  const [row] = await trx('customers')
    .insert({ entity_id: entityId, first_name: fields.firstName ?? '', last_name: fields.lastName ?? '', ...values })
    .returning('id');
  return row.id;
}

/** The entity's customer with this ID number or e-mail, if any (the ID number wins). */
export async function findKnownCustomer(
  db: Knex | Knex.Transaction,
  entityId: number,
  fields: CustomerFields,
  exceptId?: number | null,
): Promise<{ id: number } | undefined> {
  for (const [col, value] of [
    ['id_number', fields.idNumber],
    ['email', fields.email],
  ] as const) {
    if (!value) continue;
    const q = db('customers')
      .where({ entity_id: entityId })
      .whereRaw(col === 'email' ? 'lower(email) = lower(?)' : 'id_number = ?', [value]);
    if (exceptId) void q.whereNot('id', exceptId);
    const row: { id: number } | undefined = await q.first('id');
    if (row) return row;
  }
  return undefined;
}
