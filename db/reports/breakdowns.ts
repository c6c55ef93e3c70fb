// Issue 19: the reports by topic and by hour of day, read like the summary (summary.ts): clean
// rolled days from report_topic_days / report_service_hours, every other day (today, dirty or
// never rolled) live from the raw timeline with the SQL that fills those rollups (sums.ts).
import type { Db } from '../knex.js';
import { SERVICE_HOUR_COLUMNS, TOPIC_DAY_COLUMNS, hourSumsSql, topicSumsSql } from './sums.js';
import { pgArray } from './facts.js';
import { livePairs, rolledWhere, type SummaryScope } from './summary.js';

export type Row = Record<string, unknown>;

async function bindings(db: Db, s: SummaryScope) {
  const live = await livePairs(db, s);
  return {
    live: live.days.length > 0,
    b: {
      ...s.filter,
      branchIds: pgArray(live.branchIds),
      days: pgArray(live.days),
      scopeBranches: pgArray(s.branchIds),
      from: s.from,
      to: s.to,
    },
  };
}

/** Sums per topic and service (a ticket with two topics counts under each). */
export async function readTopicSums(db: Db, s: SummaryScope): Promise<Row[]> {
  if (s.branchIds.length === 0) return [];
  const { live, b } = await bindings(db, s);
  const cols = TOPIC_DAY_COLUMNS;
  const pick = `topic_id, service_id, ${cols.join(', ')}`;
  const sql = `
    with u as (
      select ${pick} from report_topic_days r where ${rolledWhere(s.filter, false)}
      ${live ? `union all select ${pick} from (${topicSumsSql(s.filter)}) l` : ''}
    ),
    k as (select u.topic_id, u.service_id, ${cols.map((c) => `sum(u.${c}) as ${c}`).join(', ')} from u group by 1, 2)
    select k.*, tp.name as topic, sv.label || ' · ' || sv.name as service
    from k join topics tp on tp.id = k.topic_id join services sv on sv.id = k.service_id
    order by sv.label, tp.name, k.topic_id`;
  return (await db.raw<{ rows: Row[] }>(sql, b)).rows;
}

/**
 * Sums per ISO weekday (1 Monday … 7 Sunday) of the service day and hour of arrival on the
 * branch's clock (0–23): the heat map, narrowed like the others (an agent: the tickets they last called).
 */
export async function readHourSums(db: Db, s: SummaryScope): Promise<Row[]> {
  if (s.branchIds.length === 0) return [];
  const { live, b } = await bindings(db, s);
  const cols = SERVICE_HOUR_COLUMNS;
  const pick = `day, hour, ${cols.join(', ')}`;
  const filter = s.filter;
  const sql = `
    with u as (
      select ${pick} from report_service_hours r where ${rolledWhere(filter, false)}
      ${live ? `union all select ${pick} from (${hourSumsSql(filter)}) l` : ''}
    )
    select cast(extract(isodow from u.day) as integer) as weekday, u.hour,
      ${cols.map((c) => `sum(u.${c}) as ${c}`).join(', ')}
    from u group by 1, 2 order by 1, 2`;
  return (await db.raw<{ rows: Row[] }>(sql, b)).rows;
}
