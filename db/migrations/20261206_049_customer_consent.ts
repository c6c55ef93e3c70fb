// Issue 20: what a customer agreed to be told, and in which language. Captured where her contact
// is taken (the kiosk, the desk's customer form); every message carries an opt-out that clears
// its channel. Nothing is sent on a channel whose flag is off, whatever contact is on file.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('customers', (t) => {
    t.boolean('notify_email').notNullable().defaultTo(false);
    t.boolean('notify_sms').notNullable().defaultTo(false);
    t.boolean('notify_whatsapp').notNullable().defaultTo(false);
    /** The language of her messages ('es' | 'en'); null: the entity's first language. */
    t.string('lang', 2);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('customers', (t) => {
    t.dropColumns('notify_email', 'notify_sms', 'notify_whatsapp', 'lang');
  });
}
