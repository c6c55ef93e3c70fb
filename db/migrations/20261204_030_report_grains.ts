// Issue 18: the rollups' two other grains, rolled with the others by db/reports/rollup.ts from
// the same ticket facts (db/reports/sums.ts): arrivals and waits per hour of arrival (the heat
// map), and tickets and service time per topic. report_days.version says which grains a rolled
// day has: a day rolled before these tables existed (version 1) is rolled again by the next pass,
// while reports keep reading its other grains from the rollups.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('report_service_hours', (t) => {
    t.integer('branch_id').notNullable().references('branches.id').onDelete('CASCADE');
    t.date('day').notNullable();
    t.smallint('hour').notNullable();
    t.integer('service_id').notNullable();
    t.integer('entity_id').notNullable();
    t.integer('department_id').notNullable();
    for (const c of ['tickets', 'wait_n', 'called', 'within_sla', 'left_before_called']) {
      t.integer(c).notNullable().defaultTo(0);
    }
    t.double('wait_sum').notNullable().defaultTo(0);
    t.primary(['branch_id', 'day', 'hour', 'service_id']);
  });
  await knex.raw('create index report_service_hours_entity on report_service_hours (entity_id, day)');
  await knex.schema.createTable('report_topic_days', (t) => {
    t.integer('branch_id').notNullable().references('branches.id').onDelete('CASCADE');
    t.date('day').notNullable();
    t.integer('topic_id').notNullable();
    t.integer('service_id').notNullable();
    t.integer('agent_id').notNullable();
    t.integer('entity_id').notNullable();
    t.integer('department_id').notNullable();
    for (const c of ['tickets', 'served', 'service_n']) t.integer(c).notNullable().defaultTo(0);
    t.double('service_sum').notNullable().defaultTo(0);
    t.primary(['branch_id', 'day', 'topic_id', 'service_id', 'agent_id']);
  });
  await knex.raw('create index report_topic_days_entity on report_topic_days (entity_id, day)');
  await knex.raw('alter table report_days add column version smallint not null default 1');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('alter table report_days drop column if exists version');
  await knex.schema.dropTableIfExists('report_topic_days');
  await knex.schema.dropTableIfExists('report_service_hours');
}
