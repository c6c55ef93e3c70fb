// Issue 18: an ended ticket's facts (who served it, its waits and outcome: db/reports/facts.ts)
// never change, so the rollup job stores them once, and today's figures (the monitor, the
// reports' live part) read a row per ended ticket instead of its timeline. Tickets without a row
// (open ones, those ended since the job's last pass) are computed from the timeline by the same SQL.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create table ticket_facts (
      ticket_id uuid primary key references tickets (id) on delete cascade,
      entity_id integer not null,
      branch_id integer not null,
      service_id integer not null,
      department_id integer not null,
      service_day date not null,
      status text not null,
      sla_target_seconds integer not null,
      hour integer not null,
      agent_id integer,
      wait_s double precision,
      walk_s double precision,
      service_s double precision,
      first_wait_s double precision,
      was_called boolean not null,
      cancelled_waiting boolean not null
    )`);
  // Busy time per agent of an ended ticket (two agents when it was requeued and called again).
  await knex.raw(`
    create table ticket_busy (
      ticket_id uuid not null references tickets (id) on delete cascade,
      agent_id integer not null,
      busy_s double precision not null,
      primary key (ticket_id, agent_id)
    )`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('ticket_busy');
  await knex.schema.dropTableIfExists('ticket_facts');
}
