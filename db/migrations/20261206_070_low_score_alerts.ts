// Issue 20: a low satisfaction answer is an alert (kind low_score). Its threshold lives with the
// others in alert_rules (null: no such alert; rows stored before take the default, 2), and an
// event alert is cleared by the supervisor who acknowledges it: `cleared_by` records who.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('alert_rules', (t) => {
    t.integer('low_score_max').nullable().defaultTo(2);
  });
  await knex.raw(
    `alter table alert_rules add constraint alert_rules_low_score_max check (low_score_max between 1 and 4)`,
  );
  await knex.schema.alterTable('alerts', (t) => {
    t.integer('cleared_by').nullable().references('users.id').onDelete('SET NULL');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('alerts', (t) => t.dropColumn('cleared_by'));
  await knex.schema.alterTable('alert_rules', (t) => t.dropColumn('low_score_max'));
}
