// Status-page links (H5): the kiosk hands the customer a random token; only its SHA-256 is kept,
// so the table alone lets nobody follow anyone's ticket.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('ticket_status_tokens', (t) => {
    t.string('token_hash', 64).primary();
    t.uuid('ticket_id').notNullable().references('tickets.id').onDelete('CASCADE').unique();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('ticket_status_tokens');
}
