// Issue 20: whether a ticket's customer can be told anything — what the ticket workflow learns
// (a yes or no, no contact data) to decide whether messages cost it anything at all.
import type { Db } from '../knex.js';
import { reachable } from '../../domain/messages.js';

export async function customerReachable(db: Db, customerId: number | null): Promise<boolean> {
  if (customerId === null) return false;
  const c = await db('customers')
    .where({ id: customerId })
    .first('email', 'phone', 'notify_email', 'notify_sms', 'notify_whatsapp');
  return c ? reachable(c) : false;
}
