// Issue 18: an entity's retention of customer data (db/history/retention.ts). After
// `retention_months` (none: kept) a ticket's personal data is removed and the ticket marked; a
// customer not seen since is anonymised. The figures (statuses, times, agents, topics) stay.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(
    'alter table entities add column retention_months integer check (retention_months between 1 and 1200)',
  );
  await knex.raw('alter table tickets add column anonymised_at timestamptz');
  await knex.raw('alter table customers add column anonymised_at timestamptz');
  // What is still to anonymise, oldest first: after a pass it holds only the retained months.
  await knex.raw('create index tickets_not_anonymised on tickets (entity_id, service_day) where anonymised_at is null');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop index if exists tickets_not_anonymised');
  await knex.raw('alter table customers drop column if exists anonymised_at');
  await knex.raw('alter table tickets drop column if exists anonymised_at');
  await knex.raw('alter table entities drop column if exists retention_months');
}
