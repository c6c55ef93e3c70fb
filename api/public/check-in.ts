// H6, issue 13: the kiosk's one step — check in today's appointment of its own branch, found by
// the customer's ID number or (issue 20) the appointment's check-in code, typed or scanned from its
// QR; what fits both shapes is looked up as both. Every miss (unknown number or code, another
// branch's or another day's appointment, a cancelled one) is the same NoAppointmentToday, and no
// answer carries personal data: whoever stands at the kiosk learns nothing about other customers
// or branches.
import type { Db } from '../../db/knex.js';
import { DomainError } from '../../domain/errors.js';
import * as msg from '../../domain/ticket-messages.js';
import { refusedPublic } from '../../domain/ticket-rights.js';
import { MACHINE_ACTORS, type Actor, type TicketStatus } from '../../domain/tickets.js';
import type { ApiDeps } from '../deps.js';
import { updateTicket } from '../../workflows/tickets/client.js';
import { statusLink } from './tokens.js';
import type { KioskTicket } from '../../domain/contracts/public.js';
import { checkInCodeOf } from '../../domain/check-in.js';
import { IdNumber } from '../tickets/schemas.js';
import type { CheckInBody } from './schemas.js';

export const KIOSK: Actor = { type: 'customer', name: MACHINE_ACTORS.kiosk };

/** Dots, dashes and case are how people type the same number differently ("1.020.304" = "1020304"). */
const bare = (idNumber: string): string => idNumber.replace(/[.-]/g, '').toUpperCase();

interface Wanted {
  idNumber: string | null;
  code: string | null;
}

/** What the kiosk's field says: an ID number, a check-in code, or (fitting both shapes) either. */
function wanted(body: CheckInBody): Wanted {
  if (body.idNumber !== undefined) return { idNumber: body.idNumber, code: null };
  const entry = (body.entry ?? '').trim();
  return { idNumber: IdNumber.safeParse(entry).success ? entry : null, code: checkInCodeOf(entry) };
}

/** Today's live appointments (branch time zone) of this customer or code at this branch, earliest first. */
function appointmentsToday(db: Db, branchId: number, { idNumber, code }: Wanted) {
  return db('tickets as t')
    .join('branches as b', 'b.id', 't.branch_id')
    .join('appointments as a', 'a.id', 't.appointment_id')
    .join('customers as c', 'c.id', 't.customer_id')
    .join('services as s', 's.id', 't.service_id')
    .where({ 't.branch_id': branchId, 't.kind': 'appointment' })
    .whereNotIn('t.status', ['cancelled', 'no_show'])
    .where((w) => {
      if (idNumber !== null)
        void w.orWhereRaw(`regexp_replace(upper(c.id_number), '[.-]', '', 'g') = ?`, [bare(idNumber)]);
      if (code !== null) void w.orWhere('a.code', code);
    })
    .whereRaw('(t.scheduled_at at time zone b.timezone)::date = (now() at time zone b.timezone)::date')
    .orderBy('t.scheduled_at')
    .select('t.id', 't.number', 't.status', 's.name as service_name');
}

export async function kioskCheckIn(
  d: Pick<ApiDeps, 'db' | 'temporal'>,
  branchId: number,
  body: CheckInBody,
): Promise<KioskTicket> {
  const rows: { id: string; number: string; status: TicketStatus; service_name: string }[] = await appointmentsToday(
    d.db,
    branchId,
    wanted(body),
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
