// Issue 20: the customer's survey answer is a timeline step (survey_answered). The type column's
// check constraint is rewritten from the one list of step types, as migration 018 did.
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
