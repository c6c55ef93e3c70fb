// Issue 20: customer messaging. `messages` is the outbox: one row per (ticket, kind, channel,
// occasion) — the send activity's idempotency key — holding what was rendered, to whom, and what
// the relay or provider answered (its accepted Message-ID or message id). `message_templates`
// holds an entity's overrides of the default wording (domain/messages-templates.ts). The two
// delivery steps join the timeline's types, and a ticket may have more than one status link.
import type { Knex } from 'knex';
import { TIMELINE_EVENT_TYPES } from '../../domain/tickets.js';
import { MESSAGE_CHANNELS, MESSAGE_KINDS, MESSAGE_STATUSES } from '../../domain/messages.js';

const check = (types: readonly string[]) =>
  `alter table ticket_events add constraint ticket_events_type_check check (type in (${types.map((t) => `'${t}'`).join(', ')}))`;

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('messages', (t) => {
    t.bigIncrements('id');
    t.integer('entity_id').notNullable().references('entities.id').onDelete('RESTRICT');
    t.integer('branch_id').notNullable().references('branches.id').onDelete('RESTRICT');
    t.uuid('ticket_id').notNullable();
    t.integer('customer_id').references('customers.id').onDelete('SET NULL');
    t.enu('kind', MESSAGE_KINDS).notNullable();
    t.enu('channel', MESSAGE_CHANNELS).notNullable();
    /** The timeline seq of the step that asked for it: a second call is a second "called" message. */
    t.integer('occasion').notNullable();
    t.string('lang', 2).notNullable();
    t.string('recipient', 254);
    t.string('subject', 300);
    t.text('body');
    t.enu('status', MESSAGE_STATUSES).notNullable().defaultTo('pending');
    t.integer('attempts').notNullable().defaultTo(0);
    /** What the relay accepted (Message-ID) or the provider's message id: its presence means "never again". */
    t.string('provider_id', 300);
    t.text('error');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('sent_at', { useTz: true });
    t.unique(['ticket_id', 'kind', 'channel', 'occasion']);
    t.index(['entity_id', 'created_at']);
  });
  await knex.schema.createTable('message_templates', (t) => {
    t.increments('id');
    t.integer('entity_id').notNullable().references('entities.id').onDelete('CASCADE');
    t.enu('kind', MESSAGE_KINDS).notNullable();
    t.string('lang', 2).notNullable();
    t.string('subject', 300).notNullable();
    t.text('body').notNullable();
    t.timestamps(true, true);
    t.unique(['entity_id', 'kind', 'lang']);
  });
  // A ticket's status page now has several links: the kiosk's, and one in each message.
  await knex.schema.alterTable('ticket_status_tokens', (t) => {
    t.dropUnique(['ticket_id']);
    t.index(['ticket_id']);
  });
  await knex.raw('alter table ticket_events drop constraint if exists ticket_events_type_check');
  await knex.raw(check(TIMELINE_EVENT_TYPES));
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('ticket_status_tokens', (t) => {
    t.dropIndex(['ticket_id']);
  });
  await knex.schema.dropTable('message_templates');
  await knex.schema.dropTable('messages');
}
