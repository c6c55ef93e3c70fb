// Tickets, their timeline (the audit log every step writes once), appointments, notifications.
import type { Knex } from 'knex';
import { TICKET_KINDS, TICKET_STATUSES, TIMELINE_EVENT_TYPES } from '../../domain/tickets.js';

export async function up(knex: Knex): Promise<void> {
  // Day counters for ticket numbers; incremented in the same transaction as the ticket insert,
  // so a rolled-back insert gives its number back (no gaps) and the row lock serialises creators.
  await knex.schema.createTable('ticket_counters', (t) => {
    t.integer('service_id').notNullable().references('services.id').onDelete('CASCADE');
    t.date('day').notNullable();
    t.integer('last').notNullable().defaultTo(0);
    t.primary(['service_id', 'day']);
  });

  await knex.schema.createTable('appointments', (t) => {
    t.increments('id');
    t.integer('entity_id').notNullable().references('entities.id');
    t.integer('branch_id').notNullable();
    t.integer('service_id').notNullable();
    t.foreign(['service_id', 'branch_id']).references(['id', 'branch_id']).inTable('services');
    t.integer('customer_id').notNullable();
    t.foreign(['customer_id', 'entity_id']).references(['id', 'entity_id']).inTable('customers');
    t.timestamp('scheduled_at', { useTz: true }).notNullable();
    t.enu('status', ['booked', 'confirmed', 'checked_in', 'cancelled', 'missed']).notNullable().defaultTo('booked');
    t.timestamp('confirmed_at', { useTz: true });
    t.timestamps(true, true);
  });

  await knex.schema.createTable('tickets', (t) => {
    t.uuid('id').primary();
    t.integer('entity_id').notNullable().references('entities.id');
    t.integer('branch_id').notNullable();
    t.integer('service_id').notNullable();
    t.foreign(['service_id', 'branch_id']).references(['id', 'branch_id']).inTable('services');
    t.integer('customer_id');
    t.foreign(['customer_id', 'entity_id']).references(['id', 'entity_id']).inTable('customers');
    t.integer('appointment_id').references('appointments.id').unique();
    t.enu('kind', TICKET_KINDS).notNullable();
    t.enu('status', TICKET_STATUSES).notNullable();
    t.date('service_day').notNullable();
    t.integer('seq').notNullable().checkPositive();
    t.string('number', 12).notNullable();
    t.integer('priority').notNullable().defaultTo(0).checkBetween([0, 9]);
    t.integer('priority_id').references('priorities.id');
    t.timestamp('arrival_at', { useTz: true }).notNullable(); // kept across requeue/transfer (H2)
    t.timestamp('scheduled_at', { useTz: true });
    t.timestamp('queued_at', { useTz: true });
    t.timestamp('called_at', { useTz: true });
    t.timestamp('attending_at', { useTz: true });
    t.timestamp('ended_at', { useTz: true });
    t.integer('desk_id');
    t.foreign(['desk_id', 'branch_id']).references(['id', 'branch_id']).inTable('desks');
    t.integer('agent_id').references('users.id');
    t.integer('preferred_agent_id').references('users.id'); // transfer to a named agent
    t.integer('recall_count').notNullable().defaultTo(0);
    t.integer('requeue_count').notNullable().defaultTo(0);
    t.integer('no_answer_count').notNullable().defaultTo(0); // call time-outs so far (H2)
    t.string('workflow_id', 80).notNullable().unique();
    t.integer('last_event_seq').notNullable().defaultTo(0);
    t.timestamps(true, true);
    t.unique(['service_id', 'service_day', 'seq']);
    t.unique(['branch_id', 'service_id', 'service_day', 'number']);
  });
  // The dispatcher's hot query: waiting tickets of some services, oldest first.
  await knex.raw(
    `create index tickets_waiting_idx on tickets (service_id, priority desc, arrival_at) where status = 'waiting'`,
  );
  await knex.raw('create index tickets_branch_day_idx on tickets (branch_id, service_day, status)');
  // An agent never holds two open attentions.
  await knex.raw(
    `create unique index tickets_one_open_per_agent on tickets (agent_id) where status in ('calling','attending')`,
  );
  await knex.raw(
    `alter table tickets add constraint tickets_called_has_agent check (status not in ('calling','attending') or (agent_id is not null and desk_id is not null))`,
  );

  await knex.schema.createTable('ticket_events', (t) => {
    t.bigIncrements('id');
    t.uuid('ticket_id').notNullable().references('tickets.id').onDelete('CASCADE');
    t.integer('seq').notNullable(); // the workflow's step counter: (ticket, seq) is written once
    t.enu('type', TIMELINE_EVENT_TYPES).notNullable();
    t.enu('from_status', TICKET_STATUSES);
    t.enu('to_status', TICKET_STATUSES);
    t.enu('actor_type', ['user', 'customer', 'system']).notNullable();
    t.integer('actor_id');
    t.string('actor_name', 160);
    t.jsonb('details').notNullable().defaultTo('{}');
    t.timestamp('at', { useTz: true }).notNullable();
    t.unique(['ticket_id', 'seq']);
  });

  await knex.schema.createTable('ticket_topics', (t) => {
    t.uuid('ticket_id').notNullable().references('tickets.id').onDelete('CASCADE');
    t.integer('topic_id').notNullable().references('topics.id');
    t.primary(['ticket_id', 'topic_id']);
  });

  await knex.schema.createTable('notifications', (t) => {
    t.bigIncrements('id');
    t.integer('entity_id').notNullable().references('entities.id');
    t.integer('user_id').notNullable().references('users.id').onDelete('CASCADE');
    t.string('type', 40).notNullable();
    t.string('title', 200).notNullable();
    t.text('body');
    t.jsonb('data').notNullable().defaultTo('{}');
    t.string('dedupe_key', 160).notNullable(); // activity retries reuse it: one row per fact
    t.timestamp('read_at', { useTz: true });
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.unique(['user_id', 'dedupe_key']);
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const t of ['notifications', 'ticket_topics', 'ticket_events', 'tickets', 'appointments', 'ticket_counters']) {
    await knex.schema.dropTableIfExists(t);
  }
}
