// H6, issue 13: the kiosk's one step — check in today's appointment of its own branch, found by
// the customer's ID number. Every miss (unknown number, another branch's or another day's
// appointment, a cancelled one) is the same NoAppointmentToday, and no answer carries personal
// data: whoever stands at the kiosk learns nothing about other customers or branches.
import type { Db } from '../../db/knex.js';
import { DomainError } from '../../domain/errors.js';
import * as msg from '../../domain/ticket-messages.js';
import { refusedPublic } from '../../domain/ticket-rights.js';
import { MACHINE_ACTORS, type Actor, type TicketStatus } from '../../domain/tickets.js';
import type { ApiDeps } from '../deps.js';
import { updateTicket } from '../../workflows/tickets/client.js';
import { statusLink } from './tokens.js';
import type { KioskTicket } from '../../domain/contracts/public.js';

export const KIOSK: Actor = { type: 'customer', name: MACHINE_ACTORS.kiosk };

/** Dots, dashes and case are how people type the same number differently ("1.020.304" = "1020304"). */
const bare = (idNumber: string): string => idNumber.replace(/[.-]/g, '').toUpperCase();

/** Today's live appointments (branch time zone) of this customer at this branch, earliest first. */
function appointmentsToday(db: Db, branchId: number, idNumber: string) {
  return db('tickets as t')
    .join('branches as b', 'b.id', 't.branch_id')
    .join('customers as c', 'c.id', 't.customer_id')
    .join('services as s', 's.id', 't.service_id')
    .where({ 't.branch_id': branchId, 't.kind': 'appointment' })
    .whereNotIn('t.status', ['cancelled', 'no_show'])
    .whereRaw(`regexp_replace(upper(c.id_number), '[.-]', '', 'g') = ?`, [bare(idNumber)])
    .whereRaw('(t.scheduled_at at time zone b.timezone)::date = (now() at time zone b.timezone)::date')
    .orderBy('t.scheduled_at')
    .select('t.id', 't.number', 't.status', 's.name as service_name');
}

export async function kioskCheckIn(
  d: Pick<ApiDeps, 'db' | 'temporal'>,
  branchId: number,
  idNumber: string,
): Promise<KioskTicket> {
  const rows: { id: string; number: string; status: TicketStatus; service_name: string }[] = await appointmentsToday(
    d.db,
    branchId,
    idNumber,
  );
  const t = rows.find((r) => !refusedPublic('kiosk', r.status)) ?? rows[0];
  if (!t) throw new DomainError('NoAppointmentToday');
  const refused = refusedPublic('kiosk', t.status);
  if (refused) throw new DomainError(refused);
  try {
    // One update id per appointment: two kiosks racing check it in once.
    await updateTicket(d.temporal, t.id, msg.checkIn, { actor: KIOSK }, `kiosk-check-in:${t.id}`);
  } catch (err) {
    // Meanwhile its check-in window opened (the workflow checked it in itself) or staff cancelled
    // it: said in the kiosk's own words, without the ticket's details.
    if (err instanceof DomainError && err.code === 'TicketNotInStatus') throw new DomainError('AlreadyCheckedIn');
    if (err instanceof DomainError && err.code === 'TicketEnded') throw new DomainError('NoAppointmentToday');
    throw err;
  }
  return {
    number: t.number,
    serviceName: t.service_name,
    issuedAt: new Date().toISOString(),
    ...(await statusLink(d.db, t.id)),
  };
}
