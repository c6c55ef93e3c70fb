// Issue 13: rights that hold across several API processes, and staff e-mails that say nothing
// about other entities.
// - login_attempts: the login limiter's shared memory (api/auth/limiter.ts). A row is written
//   before the password is checked (so parallel guesses count), deleted when the login succeeds
//   and marked failed otherwise; rows older than the longest window are pruned.
// - A staff e-mail is unique within its entity, not across the platform: creating a user whose
//   e-mail another entity uses must not be refused, or the refusal tells one entity who works
//   for another. Login finds the user by e-mail and password (api/auth/login.ts).
// - sessions by user: deactivation, role and password changes end all of a user's sessions.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('login_attempts', (t) => {
    t.bigIncrements('id');
    t.string('email_key', 254).notNullable();
    t.string('address_key', 64).notNullable();
    t.boolean('failed').notNullable().defaultTo(false);
    t.timestamp('at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['email_key', 'at']);
    t.index(['address_key', 'at']);
    t.index(['at']);
  });
  await knex.raw('drop index users_email_unique');
  await knex.raw('create unique index users_entity_email_unique on users (entity_id, lower(email))');
  await knex.raw('create index users_email_login on users (lower(email))');
  await knex.schema.alterTable('sessions', (t) => t.index(['user_id']));
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('sessions', (t) => t.dropIndex(['user_id']));
  await knex.raw('drop index users_email_login');
  await knex.raw('drop index users_entity_email_unique');
  await knex.raw('create unique index users_email_unique on users (lower(email))');
  await knex.schema.dropTable('login_attempts');
}
