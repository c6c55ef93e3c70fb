// Issue 18: the indexes the read paths lack at a year of history (a million tickets):
// - the ticket list's default order (newest arrival first, per entity or branch) without a sort
//   of every ticket of the entity;
// - the customer search ("Gutiér", "1020…" anywhere in the name or ID number) through trigrams
//   instead of a scan, and a ticket's customer without a scan of tickets;
// - the agent's shift figures (their tickets called since the shift started), which scanned
//   every branch's tickets;
// - the recent calls of an interleaved queue (the last N calls of a branch), which the dispatch
//   claim reads on every call and which scanned the branch's whole history.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  // Trusted since PostgreSQL 13: a database owner may create it without superuser rights.
  await knex.raw('create extension if not exists pg_trgm');
  await knex.raw('create index tickets_entity_arrival on tickets (entity_id, arrival_at desc)');
  await knex.raw('create index tickets_branch_arrival on tickets (branch_id, arrival_at desc)');
  await knex.raw('create index tickets_customer on tickets (customer_id) where customer_id is not null');
  await knex.raw('create index tickets_agent_called on tickets (agent_id, called_at) where agent_id is not null');
  await knex.raw(
    'create index tickets_branch_called on tickets (branch_id, called_at desc) where called_at is not null',
  );
  await knex.raw(
    `create index customers_name_trgm on customers using gin ((first_name || ' ' || last_name) gin_trgm_ops)`,
  );
  await knex.raw('create index customers_id_number_trgm on customers using gin (id_number gin_trgm_ops)');
}

export async function down(knex: Knex): Promise<void> {
  for (const i of [
    'customers_id_number_trgm',
    'customers_name_trgm',
    'tickets_branch_called',
    'tickets_agent_called',
    'tickets_customer',
    'tickets_branch_arrival',
    'tickets_entity_arrival',
  ]) {
    await knex.raw(`drop index if exists ${i}`);
  }
}
