// Issue 20: an entity's SMS/WhatsApp provider (README, "Customer messages": one HTTP contract).
// A table of its own, not entity columns: the token is a credential the entities API must never
// echo. The URL obeys the outbound policy when it is called.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('message_providers', (t) => {
    t.integer('entity_id').primary().references('entities.id').onDelete('CASCADE');
    t.string('url', 500).notNullable();
    t.string('token', 300).notNullable();
    t.timestamps(true, true);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('message_providers');
}
