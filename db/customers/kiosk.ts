// Issue 20: the customer a kiosk ticket is for, from what she typed there (an ID number, a phone, an
// e-mail) and the channels she agreed to be told on. The kiosk is public: it may link a ticket to a
// known customer but never shows, and never changes, her data — a stranger typing someone's ID
// number must learn nothing and redirect nothing. So:
// - known by ID number or e-mail (the rule of db/tickets/customers.ts): linked as she is; a consent
//   ticked here is recorded only for a channel whose contact typed here is the one on file (opt-in
//   only: the kiosk never clears a flag — an opt-out link does);
// - otherwise a new customer with what she typed and her consent. She gave no name: first_name is
//   '' (as for any nameless customer), which the desk fills in when it asks her.
import type { Knex } from 'knex';
import { findKnownCustomer } from '../tickets/customers.js';

export interface KioskCustomerInput {
  idNumber?: string;
  phone?: string;
  email?: string;
  notifyEmail?: boolean;
  notifySms?: boolean;
  notifyWhatsapp?: boolean;
}

const digits = (phone: string | null | undefined) => (phone ?? '').replace(/\D/g, '');
const samePhone = (a: string | null | undefined, b: string | undefined) =>
  !!b && digits(a) === digits(b) && digits(b) !== '';
const sameEmail = (a: string | null | undefined, b: string | undefined) =>
  !!a && !!b && a.toLowerCase() === b.toLowerCase();

/** Returns the id of the customer linked to the ticket (found or created). */
export async function kioskCustomer(
  trx: Knex.Transaction,
  entityId: number,
  c: KioskCustomerInput,
  lang: 'es' | 'en' | undefined,
): Promise<number> {
  const consent = { notify_email: !!c.notifyEmail, notify_sms: !!c.notifySms, notify_whatsapp: !!c.notifyWhatsapp };
  const known = await findKnownCustomer(trx, entityId, { idNumber: c.idNumber, email: c.email });
  if (known) {
    await optIn(trx, known.id, c, lang);
    return known.id;
  }
  const [row]: { id: number }[] = await trx('customers')
    .insert({
      entity_id: entityId,
      first_name: '',
      last_name: '',
      id_number: c.idNumber ?? null,
      phone: c.phone ?? null,
      email: c.email ?? null,
      ...consent,
      lang: lang ?? null,
    })
    // Two kiosks, one new ID number at once: the second links the first's row.
    .onConflict(['entity_id', 'id_number'])
    .ignore()
    .returning('id');
  if (row) return row.id;
  const again = await findKnownCustomer(trx, entityId, { idNumber: c.idNumber });
  if (!again) throw new Error('kiosk customer vanished between insert and read');
  await optIn(trx, again.id, c, lang);
  return again.id;
}

/** Consent for the channels whose contact she typed is the one on file; nothing else changes. */
async function optIn(trx: Knex.Transaction, id: number, c: KioskCustomerInput, lang: 'es' | 'en' | undefined) {
  const onFile: { email: string | null; phone: string | null } = await trx('customers')
    .where({ id })
    .forUpdate()
    .first('email', 'phone');
  const set: Record<string, boolean | string> = {};
  if (c.notifyEmail && sameEmail(onFile.email, c.email)) set.notify_email = true;
  if (c.notifySms && samePhone(onFile.phone, c.phone)) set.notify_sms = true;
  if (c.notifyWhatsapp && samePhone(onFile.phone, c.phone)) set.notify_whatsapp = true;
  if (!Object.keys(set).length) return;
  if (lang) set.lang = lang;
  await trx('customers')
    .where({ id })
    .update({ ...set, updated_at: trx.fn.now() });
}
