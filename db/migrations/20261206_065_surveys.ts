// Issue 20: the customer's satisfaction answer, one row per finished ticket (the ticket's id is the
// key: answering again edits it). Who served, which service and branch are copied from the ticket
// when it is answered, so the reports group answers without walking the timeline; its topics are
// read from ticket_topics. Retention removes the answer with its ticket.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('surveys', (t) => {
    t.uuid('ticket_id').primary().references('tickets.id').onDelete('CASCADE');
    t.integer('entity_id').notNullable().references('entities.id');
    t.integer('branch_id').notNullable().references('branches.id');
    t.integer('service_id').notNullable().references('services.id');
    t.integer('agent_id').references('users.id');
    t.integer('customer_id').references('customers.id').onDelete('SET NULL');
    /** The ticket's service day: the reports' ranges are service days. */
    t.date('service_day').notNullable();
    t.smallint('score').notNullable().checkBetween([1, 5]);
    t.string('comment', 500);
    t.timestamp('answered_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['branch_id', 'service_day']);
    t.index(['customer_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('surveys');
}
