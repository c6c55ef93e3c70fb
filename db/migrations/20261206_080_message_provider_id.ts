// Issue 20: message_providers becomes a back-office resource (api/message_providers), which like
// every resource is addressed by its own `id`. Still one provider per entity (entity_id unique):
// the one contract carries the channel, so one provider answers for SMS and WhatsApp alike.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('message_providers', (t) => {
    t.dropPrimary();
  });
  await knex.schema.alterTable('message_providers', (t) => {
    t.increments('id').primary();
    t.unique(['entity_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('message_providers', (t) => {
    t.dropUnique(['entity_id']);
    t.dropColumn('id');
  });
  await knex.schema.alterTable('message_providers', (t) => t.primary(['entity_id']));
}
