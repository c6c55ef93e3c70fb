// Issue 16, appointments (H6):
// - per service, whether an appointment joins the queue by itself when its check-in window
//   opens ('window') or only when the customer checks in ('check_in', the default: a customer
//   who has not arrived must not be called);
// - an appointment's ticket ends as its appointment does: served, cancelled or missed, never
//   left "booked" (the status's check constraint gains 'served').
import type { Knex } from 'knex';
import { APPOINTMENT_ENTRIES, APPOINTMENT_STATUSES } from '../../domain/tickets.js';

const check = (table: string, column: string, values: readonly string[]) =>
  `alter table ${table} add constraint ${table}_${column}_check check (${column} in (${values.map((v) => `'${v}'`).join(', ')}))`;

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('services', (t) => {
    t.string('appointment_entry', 12).notNullable().defaultTo('check_in');
  });
  await knex.raw(check('services', 'appointment_entry', APPOINTMENT_ENTRIES));
  await knex.raw('alter table appointments drop constraint if exists appointments_status_check');
  await knex.raw(check('appointments', 'status', APPOINTMENT_STATUSES));
  // Appointments already served or ended before this migration follow their tickets.
  await knex.raw(`
    update appointments a set status = case t.status
        when 'finished' then 'served' when 'cancelled' then 'cancelled' else 'missed' end
      from tickets t
     where t.appointment_id = a.id and t.status in ('finished', 'cancelled', 'no_show')`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('services', (t) => t.dropColumn('appointment_entry'));
}
