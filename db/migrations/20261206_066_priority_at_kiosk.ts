// Issue 20: which priorities a customer may declare herself at the kiosk (elderly, pregnant,
// disability…). A level given by the system or staff — an appointment's, a VIP's — is not one she
// picks on a touch screen: the entity says so per priority. Existing ones stay offered (the kiosk's
// rule before this: every level above normal).
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('priorities', (t) => {
    t.boolean('at_kiosk').notNullable().defaultTo(true);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('priorities', (t) => t.dropColumn('at_kiosk'));
}
