// Issue 20: "N ahead of you" per service — a waiting customer who can be told is sent one
// message once N or fewer are ahead, and "you are next" once nobody is. Null: neither.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('services', (t) => {
    t.integer('notify_ahead').defaultTo(3).checkBetween([0, 50], 'services_notify_ahead_range');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('services', (t) => {
    t.dropChecks('services_notify_ahead_range');
    t.dropColumn('notify_ahead');
  });
}
