// A ticket's number belongs to the service that issued it (A-007 stays A-007 when transferred to
// service B). Uniqueness was on (service_id, day, seq), which a transfer moves into another
// service's sequence: the next ticket issued there then collided. Key it on the issuing service.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('tickets', (t) => {
    t.integer('numbered_service_id').references('services.id');
  });
  await knex('tickets').update({ numbered_service_id: knex.ref('service_id') });
  await knex.schema.alterTable('tickets', (t) => {
    t.integer('numbered_service_id').notNullable().alter();
    t.dropUnique(['service_id', 'service_day', 'seq']);
    t.dropUnique(['branch_id', 'service_id', 'service_day', 'number']);
    t.unique(['numbered_service_id', 'service_day', 'seq']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('tickets', (t) => {
    t.dropUnique(['numbered_service_id', 'service_day', 'seq']);
    t.unique(['service_id', 'service_day', 'seq']);
    t.unique(['branch_id', 'service_id', 'service_day', 'number']);
    t.dropColumn('numbered_service_id');
  });
}
