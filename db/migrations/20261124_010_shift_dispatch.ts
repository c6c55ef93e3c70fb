// Dispatch (A5/A6): a shift remembers the ticket it is calling, attending or has just been given,
// so "free" is one indexed fact that the claim and the shift's own steps check under the shift
// row's lock; `last_step_seq` makes every shift step land exactly once.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('shifts', (t) => {
    t.uuid('current_ticket_id').references('tickets.id');
    t.integer('last_step_seq').notNullable().defaultTo(0);
  });
  await knex.raw(
    'create index shifts_current_ticket on shifts (current_ticket_id) where current_ticket_id is not null',
  );
  // Free agents of a branch, the ticket-side claim's hot query.
  await knex.raw('create index shifts_open_branch on shifts (branch_id, state) where ended_at is null');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop index if exists shifts_open_branch');
  await knex.raw('drop index if exists shifts_current_ticket');
  await knex.schema.alterTable('shifts', (t) => {
    t.dropColumn('current_ticket_id');
    t.dropColumn('last_step_seq');
  });
}
