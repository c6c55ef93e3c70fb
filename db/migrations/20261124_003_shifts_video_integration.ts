// Shifts (G2), video rooms (D*), sessions, idempotency and webhooks (H8).
import type { Knex } from 'knex';
import { AGENT_STATES } from '../../domain/agents.js';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('shifts', (t) => {
    t.uuid('id').primary();
    t.integer('user_id').notNullable().references('users.id');
    t.integer('branch_id').notNullable();
    t.integer('desk_id').notNullable();
    t.foreign(['desk_id', 'branch_id']).references(['id', 'branch_id']).inTable('desks');
    t.enu('state', AGENT_STATES).notNullable().defaultTo('offline');
    t.enu('next_state', AGENT_STATES);
    t.boolean('manual_mode').notNullable().defaultTo(false);
    t.timestamp('state_since', { useTz: true }).notNullable();
    t.timestamp('started_at', { useTz: true }).notNullable();
    t.timestamp('ended_at', { useTz: true });
    t.string('workflow_id', 80).notNullable().unique();
  });
  // One agent per desk and one open shift per agent: the database refuses a second log-in.
  await knex.raw('create unique index shifts_open_desk on shifts (desk_id) where ended_at is null');
  await knex.raw('create unique index shifts_open_user on shifts (user_id) where ended_at is null');

  await knex.schema.createTable('shift_state_periods', (t) => {
    t.bigIncrements('id');
    t.uuid('shift_id').notNullable().references('shifts.id').onDelete('CASCADE');
    t.integer('seq').notNullable();
    t.enu('state', AGENT_STATES).notNullable();
    t.timestamp('started_at', { useTz: true }).notNullable();
    t.timestamp('ended_at', { useTz: true });
    t.unique(['shift_id', 'seq']);
  });

  await knex.schema.createTable('video_rooms', (t) => {
    t.uuid('id').primary();
    t.uuid('ticket_id').notNullable().unique().references('tickets.id').onDelete('CASCADE');
    t.enu('status', ['open', 'closed']).notNullable().defaultTo('open');
    t.string('guest_token_hash', 128).notNullable();
    t.timestamp('opened_at', { useTz: true }).notNullable();
    t.timestamp('closed_at', { useTz: true });
  });

  await knex.schema.createTable('files', (t) => {
    t.uuid('id').primary();
    t.uuid('room_id').notNullable().references('video_rooms.id').onDelete('CASCADE');
    t.enu('uploader_type', ['user', 'customer']).notNullable();
    t.integer('uploader_id');
    t.string('name', 200).notNullable();
    t.string('mime', 100).notNullable();
    t.integer('size')
      .notNullable()
      .checkBetween([1, 10 * 1024 * 1024]);
    t.string('storage_key', 200).notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });

  await knex.schema.createTable('chat_messages', (t) => {
    t.bigIncrements('id');
    t.uuid('room_id').notNullable().references('video_rooms.id').onDelete('CASCADE');
    t.enu('sender_type', ['user', 'customer']).notNullable();
    t.integer('sender_id');
    t.text('body');
    t.uuid('file_id').references('files.id');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  await knex.raw(
    `alter table chat_messages add constraint chat_has_content check (body is not null or file_id is not null)`,
  );

  await knex.schema.createTable('tags', (t) => {
    t.bigIncrements('id');
    t.uuid('room_id').notNullable().references('video_rooms.id').onDelete('CASCADE');
    t.integer('author_id').references('users.id');
    t.integer('offset_ms').notNullable().checkPositive(); // moment of the call it is pinned to (D11)
    t.string('body', 500).notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });

  await knex.schema.createTable('sessions', (t) => {
    t.string('id_hash', 128).primary(); // only the hash of the cookie value is stored
    t.integer('user_id').notNullable().references('users.id').onDelete('CASCADE');
    t.timestamp('expires_at', { useTz: true }).notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });

  await knex.schema.createTable('idempotency_keys', (t) => {
    t.string('key', 120).notNullable();
    t.integer('user_id').notNullable().references('users.id').onDelete('CASCADE');
    t.integer('status').notNullable();
    t.jsonb('response').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.primary(['user_id', 'key']);
  });

  await knex.schema.createTable('webhooks', (t) => {
    t.increments('id');
    t.integer('entity_id').notNullable().references('entities.id').onDelete('CASCADE');
    t.string('url', 500).notNullable();
    t.string('secret', 128).notNullable();
    t.specificType('events', 'text[]').notNullable().defaultTo('{}'); // empty = every event
    t.boolean('active').notNullable().defaultTo(true);
  });

  await knex.schema.createTable('webhook_deliveries', (t) => {
    t.bigIncrements('id');
    t.integer('webhook_id').notNullable().references('webhooks.id').onDelete('CASCADE');
    t.string('event_key', 160).notNullable();
    t.jsonb('payload').notNullable();
    t.integer('attempts').notNullable().defaultTo(0);
    t.integer('last_status');
    t.timestamp('delivered_at', { useTz: true });
    t.unique(['webhook_id', 'event_key']);
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const t of [
    'webhook_deliveries',
    'webhooks',
    'idempotency_keys',
    'sessions',
    'tags',
    'chat_messages',
    'files',
    'video_rooms',
    'shift_state_periods',
    'shifts',
  ]) {
    await knex.schema.dropTableIfExists(t);
  }
}
