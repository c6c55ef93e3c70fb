// H8 delivery bookkeeping. The events themselves are already durable (ticket_events and
// shift_state_periods are written in the same transaction as each step), so webhooks need only
// a read cursor over them and a retry schedule per delivery.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('webhooks', (t) => {
    // A webhook hears events from its registration on, not the entity's whole history.
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  await knex.schema.alterTable('webhook_deliveries', (t) => {
    t.string('event', 40).notNullable().defaultTo('');
    t.timestamp('next_attempt_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.text('last_error');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  await knex.raw(
    'create index webhook_deliveries_due on webhook_deliveries (next_attempt_at) where delivered_at is null',
  );
  await knex.schema.createTable('webhook_cursors', (t) => {
    t.string('source', 40).primary(); // 'ticket_events' | 'shift_state_periods'
    t.bigInteger('last_id').notNullable().defaultTo(0);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('webhook_cursors');
  await knex.raw('drop index if exists webhook_deliveries_due');
  await knex.schema.alterTable('webhook_deliveries', (t) => {
    t.dropColumns('event', 'next_attempt_at', 'last_error', 'created_at');
  });
  await knex.schema.alterTable('webhooks', (t) => t.dropColumn('created_at'));
}
