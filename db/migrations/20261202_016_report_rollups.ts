// Issue 18: reports read daily rollups instead of rescanning every ticket and timeline row of a
// range. A branch's day is rolled once it is over (db/reports/rollup.ts, an idempotent job that
// can rebuild any day from the timeline); report_days says which days are rolled and clean.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  // Ticket figures per branch, service, agent (0: never called) and service day: sums and counts,
  // so averages over any range are exact (sum of sums over sum of counts).
  await knex.schema.createTable('report_service_days', (t) => {
    t.integer('branch_id').notNullable().references('branches.id').onDelete('CASCADE');
    t.date('day').notNullable();
    t.integer('service_id').notNullable();
    t.integer('agent_id').notNullable();
    t.integer('entity_id').notNullable();
    t.integer('department_id').notNullable();
    for (const c of [
      'tickets',
      'served',
      'wait_n',
      'walk_n',
      'service_n',
      'called',
      'within_sla',
      'left_before_called',
      'no_show',
      'cancelled',
    ]) {
      t.integer(c).notNullable().defaultTo(0);
    }
    for (const c of ['wait_sum', 'walk_sum', 'service_sum']) t.double(c).notNullable().defaultTo(0);
    t.primary(['branch_id', 'day', 'service_id', 'agent_id']);
  });
  await knex.raw('create index report_service_days_entity on report_service_days (entity_id, day)');

  // Agent time per branch, agent and local day (a period across midnight counts on both days).
  await knex.schema.createTable('report_agent_days', (t) => {
    t.integer('branch_id').notNullable().references('branches.id').onDelete('CASCADE');
    t.date('day').notNullable();
    t.integer('agent_id').notNullable();
    t.integer('entity_id').notNullable();
    for (const c of ['online_s', 'busy_s', 'idle_s', 'break_s', 'wrap_s']) t.double(c).notNullable().defaultTo(0);
    t.primary(['branch_id', 'day', 'agent_id']);
  });
  await knex.raw('create index report_agent_days_entity on report_agent_days (entity_id, day)');

  // Which days are rolled. `dirty`: the rollup may be stale (open tickets remained when it was
  // rolled, or a change arrived since); reports compute dirty and unrolled days live.
  await knex.schema.createTable('report_days', (t) => {
    t.integer('branch_id').notNullable().references('branches.id').onDelete('CASCADE');
    t.date('day').notNullable();
    t.boolean('dirty').notNullable().defaultTo(true);
    t.timestamp('rolled_at', { useTz: true });
    t.primary(['branch_id', 'day']);
  });
  await knex.raw('create index report_days_dirty on report_days (branch_id) where dirty');
  // The live part reads a few days of a branch's shifts: without this it reads every shift ever.
  await knex.raw('create index shifts_branch_started on shifts (branch_id, started_at)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop index if exists shifts_branch_started');
  for (const t of ['report_days', 'report_agent_days', 'report_service_days']) await knex.schema.dropTableIfExists(t);
}
