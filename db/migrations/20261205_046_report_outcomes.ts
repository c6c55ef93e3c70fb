// Issue 19: outcomes split by who ended the ticket (domain/report-outcomes.ts): a supervisor's
// cancellation is no longer counted as a customer who left. The facts of ended tickets gain their
// outcome (worked out here from each one's ending step), the service-day rollups a count per
// outcome. left_before_called now means the customer left (before this, any cancellation while
// waiting): every rolled day is rolled again by the job's next pass (ROLLUP_VERSION 3).
import type { Knex } from 'knex';
import { outcomeSql } from '../reports/facts.js';

const SPLIT = ['no_show_timeout', 'no_show_marked', 'missed_appointment', 'cancelled_staff'];

/** Gives stored facts without an outcome the one of their latest ending step, in its day's partition. */
export async function backfillOutcomes(knex: Knex): Promise<void> {
  await knex.raw(`
    update ticket_facts f set outcome = (
      select ${outcomeSql('e.to_status', 'e.actor_type', "e.details->>'reason'")}
      from ticket_events e
      where e.ticket_id = f.ticket_id and e.service_day = f.service_day and e.to_status = f.status
        and e.from_status is distinct from e.to_status
      order by e.seq desc limit 1
    )
    where f.outcome is null`);
}

export async function up(knex: Knex): Promise<void> {
  await knex.raw('alter table ticket_facts add column outcome text');
  await backfillOutcomes(knex);
  await knex.schema.alterTable('report_service_days', (t) => {
    for (const c of SPLIT) t.integer(c).notNullable().defaultTo(0);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('report_service_days', (t) => {
    for (const c of SPLIT) t.dropColumn(c);
  });
  await knex.raw('alter table ticket_facts drop column if exists outcome');
}
