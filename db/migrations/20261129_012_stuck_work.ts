// Work that does not move (issue 12, item 5): a ticket or shift whose workflow has an activity
// failing again and again, or whose workflow closed while its row is still open. One row per
// workflow, written by the activity guard and the sweeper, read by /api/health and the monitor,
// deleted when the work moves again or a supervisor releases it. Overdue calls and attentions
// are not stored: they are computed from the ticket rows and the service's limits.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('stuck_work', (t) => {
    t.string('workflow_id', 200).primary();
    t.string('kind', 10).notNullable(); // ticket | shift
    t.uuid('ticket_id').nullable().references('tickets.id').onDelete('CASCADE');
    t.uuid('shift_id').nullable().references('shifts.id').onDelete('CASCADE');
    t.integer('entity_id').notNullable().references('entities.id').onDelete('CASCADE');
    t.integer('branch_id').notNullable().references('branches.id').onDelete('CASCADE');
    t.string('reason', 30).notNullable(); // activity_retrying | workflow_closed
    t.string('activity', 80).nullable();
    t.integer('attempt').nullable();
    t.text('last_error').nullable();
    t.timestamp('since', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['branch_id']);
  });
  await knex.schema.alterTable('services', (t) => {
    // An attention longer than this is shown as overdue to supervisors (it is never ended by itself).
    t.integer('max_attention_minutes').notNullable().defaultTo(60);
  });
  await knex.raw(
    `alter table services add constraint services_max_attention_minutes_check check (max_attention_minutes between 1 and 1440)`,
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('services', (t) => t.dropColumn('max_attention_minutes'));
  await knex.schema.dropTable('stuck_work');
}
