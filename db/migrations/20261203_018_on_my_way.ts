// Issue 17: the customer's "on my way" is a timeline step. The type column's check constraint
// (knex's enu in 002, named by PostgreSQL) is rewritten from the one list of step types, so a
// database migrated before the step existed accepts it too.
import type { Knex } from 'knex';
import { TIMELINE_EVENT_TYPES } from '../../domain/tickets.js';

const check = (types: readonly string[]) =>
  `alter table ticket_events add constraint ticket_events_type_check check (type in (${types.map((t) => `'${t}'`).join(', ')}))`;

export async function up(knex: Knex): Promise<void> {
  await knex.raw('alter table ticket_events drop constraint if exists ticket_events_type_check');
  await knex.raw(check(TIMELINE_EVENT_TYPES));
}

export async function down(): Promise<void> {
  // The step type stays accepted: removing it would mean rewriting the audit timeline.
}
