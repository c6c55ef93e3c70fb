// Organisation tree (H7): entity > branch > department > service, plus people and desks.
import type { Knex } from 'knex';
import { ASSIGNMENT_KINDS, AGENT_STATES } from '../../domain/agents.js';
import { ORDERING_POLICIES } from '../../domain/ordering.js';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('entities', (t) => {
    t.increments('id');
    t.string('name', 120).notNullable();
    t.string('slug', 60).notNullable().unique();
    t.timestamps(true, true);
  });

  await knex.schema.createTable('branches', (t) => {
    t.increments('id');
    t.integer('entity_id').notNullable().references('entities.id').onDelete('RESTRICT');
    t.string('name', 120).notNullable();
    t.string('code', 20).notNullable();
    t.string('timezone', 60).notNullable().defaultTo('America/Bogota');
    t.enu('ordering_policy', ORDERING_POLICIES).notNullable().defaultTo('fifo');
    // interleave: serve N priority tickets then 1 normal; age boost: one priority level per N minutes waited
    t.integer('interleave_ratio').notNullable().defaultTo(2).checkPositive();
    t.integer('age_boost_minutes').notNullable().defaultTo(10).checkPositive();
    t.integer('check_in_window_minutes').notNullable().defaultTo(15).checkBetween([0, 240]);
    t.unique(['entity_id', 'code']);
    t.unique(['id', 'entity_id']); // target of composite keys that pin children to one entity
    t.timestamps(true, true);
  });

  await knex.schema.createTable('departments', (t) => {
    t.increments('id');
    t.integer('branch_id').notNullable().references('branches.id').onDelete('RESTRICT');
    t.string('name', 120).notNullable();
    t.unique(['branch_id', 'name']);
    t.unique(['id', 'branch_id']);
  });

  await knex.schema.createTable('services', (t) => {
    t.increments('id');
    t.integer('branch_id').notNullable();
    t.integer('department_id').notNullable();
    t.foreign(['department_id', 'branch_id']).references(['id', 'branch_id']).inTable('departments');
    t.string('name', 120).notNullable();
    t.string('label', 4).notNullable(); // ticket prefix, A in A-001
    t.integer('call_timeout_seconds').notNullable().defaultTo(120).checkPositive();
    t.integer('max_auto_requeues').notNullable().defaultTo(1).checkBetween([0, 10]);
    t.integer('sla_target_seconds').notNullable().defaultTo(900).checkPositive();
    t.boolean('virtual_enabled').notNullable().defaultTo(false);
    t.boolean('active').notNullable().defaultTo(true);
    t.unique(['branch_id', 'label']);
    t.unique(['id', 'branch_id']);
  });
  await knex.raw(`alter table services add constraint services_label_format check (label ~ '^[A-Z]{1,4}$')`);

  await knex.schema.createTable('topics', (t) => {
    t.increments('id');
    t.integer('service_id').notNullable().references('services.id').onDelete('CASCADE');
    t.string('name', 120).notNullable();
    t.unique(['service_id', 'name']);
  });

  // Priority levels per entity (e.g. Elderly, Pregnant); level 0 is "normal".
  await knex.schema.createTable('priorities', (t) => {
    t.increments('id');
    t.integer('entity_id').notNullable().references('entities.id').onDelete('CASCADE');
    t.string('name', 60).notNullable();
    t.integer('level').notNullable().checkBetween([0, 9]);
    t.unique(['entity_id', 'name']);
  });

  await knex.schema.createTable('desks', (t) => {
    t.increments('id');
    t.integer('branch_id').notNullable().references('branches.id').onDelete('RESTRICT');
    t.string('name', 60).notNullable();
    t.unique(['branch_id', 'name']);
    t.unique(['id', 'branch_id']);
  });

  await knex.schema.createTable('users', (t) => {
    t.increments('id');
    t.integer('entity_id').notNullable();
    t.integer('branch_id');
    t.foreign(['branch_id', 'entity_id']).references(['id', 'entity_id']).inTable('branches');
    t.foreign('entity_id').references('entities.id');
    t.string('email', 254).notNullable();
    t.string('password_hash', 200).notNullable();
    // The roles of the time, written out: a migration must not change with domain/ (015 adds 'operator').
    t.enu('role', ['agent', 'supervisor', 'admin']).notNullable();
    t.string('first_name', 80).notNullable();
    t.string('last_name', 80).notNullable();
    t.string('phone', 30);
    t.boolean('active').notNullable().defaultTo(true);
    t.timestamps(true, true);
  });
  await knex.raw('create unique index users_email_unique on users (lower(email))');

  await knex.schema.createTable('service_assignments', (t) => {
    t.increments('id');
    t.integer('user_id').notNullable().references('users.id').onDelete('CASCADE');
    t.integer('service_id').notNullable().references('services.id').onDelete('CASCADE');
    t.enu('kind', ASSIGNMENT_KINDS).notNullable();
    t.unique(['user_id', 'service_id']);
  });

  // Break caps (e.g. lunch over 60 minutes notifies supervisors).
  await knex.schema.createTable('break_caps', (t) => {
    t.increments('id');
    t.integer('entity_id').notNullable().references('entities.id').onDelete('CASCADE');
    t.enu(
      'state',
      AGENT_STATES.filter((s) => s !== 'online' && s !== 'offline'),
    ).notNullable();
    t.integer('max_minutes').notNullable().checkPositive();
    t.unique(['entity_id', 'state']);
  });

  await knex.schema.createTable('customers', (t) => {
    t.increments('id');
    t.integer('entity_id').notNullable().references('entities.id').onDelete('RESTRICT');
    t.string('first_name', 80).notNullable();
    t.string('last_name', 80).notNullable().defaultTo('');
    t.string('email', 254);
    t.string('id_number', 30);
    t.string('phone', 30);
    t.unique(['entity_id', 'id_number']);
    t.unique(['id', 'entity_id']);
    t.timestamps(true, true);
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const t of [
    'customers',
    'break_caps',
    'service_assignments',
    'users',
    'desks',
    'priorities',
    'topics',
    'services',
    'departments',
    'branches',
    'entities',
  ]) {
    await knex.schema.dropTableIfExists(t);
  }
}
