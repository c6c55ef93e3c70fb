// Issue 16: an appointment whose customer never checks in does not stay "scheduled" for ever.
// Past its time plus this grace (per branch, like the check-in window before it) the ticket
// workflow ends it as a no-show; its appointment becomes "missed".
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('branches', (t) => {
    t.integer('appointment_grace_minutes').notNullable().defaultTo(120).checkBetween([0, 1440]);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('branches', (t) => t.dropColumn('appointment_grace_minutes'));
}
