// Issue 19, two pieces of the reports and shifts part:
// - shift_events: a shift's timeline (started, each state change, ended), written by the shift's
//   own step (db/shifts/step.ts) in the step's transaction, so each step lands once; a supervisor
//   who changes an agent's state or ends the shift is named on it with their reason. Shifts before
//   this migration get their started/ended events and a state change per stored state period.
// - report_service_hours by agent (agent 0: never called): the heat map honours the agent filter.
//   Rolled days are rolled again (ROLLUP_VERSION 4); until then reports compute them live.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('shift_events', (t) => {
    t.bigIncrements('id');
    t.uuid('shift_id').notNullable().references('shifts.id').onDelete('CASCADE');
    /** The shift step that wrote it (null: backfilled): a retried step finds its event written. */
    t.integer('step_seq');
    t.enu('type', ['started', 'state_changed', 'ended']).notNullable();
    t.string('state', 20);
    /** agent: the shift's agent or its own rules; user: another person (supervisor, admin). */
    t.enu('actor_type', ['agent', 'user']).notNullable();
    t.integer('actor_id');
    t.string('actor_name', 200);
    t.string('reason', 500);
    t.timestamp('at', { useTz: true }).notNullable();
    t.unique(['shift_id', 'step_seq']);
    t.index(['shift_id', 'at']);
  });
  await knex.raw(`
    insert into shift_events (shift_id, type, state, actor_type, actor_id, actor_name, at)
    select sh.id, 'started', null, 'agent', sh.user_id, u.first_name || ' ' || u.last_name, sh.started_at
      from shifts sh join users u on u.id = sh.user_id
    union all
    select p.shift_id, 'state_changed', p.state, 'agent', sh.user_id, u.first_name || ' ' || u.last_name, p.started_at
      from shift_state_periods p join shifts sh on sh.id = p.shift_id join users u on u.id = sh.user_id
    union all
    select sh.id, 'ended', null, 'agent', sh.user_id, u.first_name || ' ' || u.last_name, sh.ended_at
      from shifts sh join users u on u.id = sh.user_id where sh.ended_at is not null`);

  await knex.raw('alter table report_service_hours add column agent_id integer not null default 0');
  await knex.raw('alter table report_service_hours drop constraint report_service_hours_pkey');
  await knex.raw('alter table report_service_hours add primary key (branch_id, day, hour, service_id, agent_id)');
}

export async function down(knex: Knex): Promise<void> {
  // Rows per agent cannot fold back under the old key: the days are rolled again (version 1).
  await knex.raw('delete from report_service_hours');
  await knex.raw('update report_days set version = 1');
  await knex.raw('alter table report_service_hours drop constraint report_service_hours_pkey');
  await knex.raw('alter table report_service_hours drop column agent_id');
  await knex.raw('alter table report_service_hours add primary key (branch_id, day, hour, service_id)');
  await knex.schema.dropTableIfExists('shift_events');
}
