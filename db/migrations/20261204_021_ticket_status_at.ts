// Issue 16: the desk's time-in-state clock (A11, C3) needs the moment the ticket entered its
// status. `updated_at` moves with every step (a note, topics, a customer edit), so the clock reset
// on steps that change nothing the agent waits on. `status_at` moves only when the status does;
// existing tickets take it from the last step of their timeline that changed the status (read in
// the ticket's own month of the partitioned timeline, migration 019).
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('tickets', (t) => {
    // Defaulted so that rows written by other means (bulk seeds) still carry a time.
    t.timestamp('status_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  await knex.raw(`
    update tickets t set status_at = coalesce(
      (select max(e.at) from ticket_events e
        where e.ticket_id = t.id and e.service_day = t.service_day and e.to_status is distinct from e.from_status),
      t.created_at)`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('tickets', (t) => t.dropColumn('status_at'));
}
