// Staff never overwrite a customer by accident (issue 12, item 4): a "new customer" whose ID
// number or e-mail the entity already knows is answered with 409 CustomerExists carrying that
// customer (name and masked contact), and the UIs offer "use this customer" (customerId).
import type { Db } from '../../db/knex.js';
import { findKnownCustomer } from '../../db/tickets/customers.js';
import { maskEmail, maskTail, type KnownCustomer } from '../../domain/customers.js';
import { DomainError } from '../../domain/errors.js';
import type { CustomerFields } from '../../domain/ticket-messages.js';

/** `at` is where the customer's fields sit in the request body (e.g. 'customer.' on ticket creation). */
export async function refuseKnownCustomer(
  db: Db,
  entityId: number,
  fields: CustomerFields,
  exceptId?: number | null,
  at = '',
): Promise<void> {
  const known = await findKnownCustomer(db, entityId, fields, exceptId);
  if (!known) return;
  const c: {
    id: number;
    first_name: string;
    last_name: string;
    email: string | null;
    phone: string | null;
    id_number: string | null;
  } = await db('customers')
    .where({ id: known.id })
    .first('id', 'first_name', 'last_name', 'email', 'phone', 'id_number');
  const customer: KnownCustomer = {
    id: c.id,
    name: `${c.first_name} ${c.last_name}`.trim(),
    email: maskEmail(c.email),
    phone: maskTail(c.phone),
    idNumber: maskTail(c.id_number),
  };
  const field = fields.idNumber && c.id_number === fields.idNumber ? 'idNumber' : 'email';
  throw new DomainError('CustomerExists', { customer }, { fields: { [`${at}${field}`]: { code: 'already_used' } } });
}
