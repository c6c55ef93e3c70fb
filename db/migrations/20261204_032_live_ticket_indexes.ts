// Issue 18: the monitor's queue, its stuck-work lists and health read a branch's (or entity's)
// tickets that are still in play. The only index by branch leads with the service day, so without
// a day those reads walked every ticket the branch ever had (a million after a year); these
// partial indexes hold the few live tickets only.
import type { Knex } from 'knex';
import { LIVE_STATUSES } from '../../domain/tickets.js';

const LIVE = `status in (${LIVE_STATUSES.map((s) => `'${s}'`).join(', ')})`;

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`create index tickets_live_branch on tickets (branch_id, status) where ${LIVE}`);
  await knex.raw(`create index tickets_live_entity on tickets (entity_id, status) where ${LIVE}`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop index if exists tickets_live_entity');
  await knex.raw('drop index if exists tickets_live_branch');
}
