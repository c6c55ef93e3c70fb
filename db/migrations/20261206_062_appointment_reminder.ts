// Issue 20: an appointment's reminder, this many minutes before its time, sent by a timer of its
// ticket's workflow to a customer who can be told. Null: no reminder.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('services', (t) => {
    t.integer('remind_before_minutes').defaultTo(1440).checkBetween([1, 20_160], 'services_remind_before_range');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('services', (t) => {
    t.dropChecks('services_remind_before_range');
    t.dropColumn('remind_before_minutes');
  });
}
