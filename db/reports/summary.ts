// Reads H3 figures over a range: clean rolled days from the rollups, every other day (today,
// dirty or never rolled) live from the raw timeline with the same SQL (sums.ts), combined as sums
// and counts so averages stay exact. A year costs a few hundred rollup rows per branch instead of
// every ticket and event of the year.
import type { GroupBy } from '../../domain/contracts/resources.js';
import type { Db } from '../knex.js';
import {
  AGENT_DAY_COLUMNS,
  LIVE_SERVICE_DAY_COLUMNS,
  SERVICE_DAY_COLUMNS,
  agentSumsSql,
  ticketSumsSql,
} from './sums.js';
import { pgArray, type SumsFilter } from './facts.js';
import { ROLLUP_VERSION, firstDaySql } from './rollup.js';

/** The branches (already within the caller's reach: the entity follows from them) and the days. */
export interface SummaryScope {
  branchIds: number[];
  from: string;
  to: string;
  filter: SumsFilter;
  /**
   * Every day of the range is one the rollups cannot hold yet (the branches' today, which is
   * rolled once it has ended): read it live without asking report_days (the monitor's round trip).
   */
  allLive?: boolean;
}
export type Sums = Record<string, unknown> & { key: string | null; label: string | null };

/** Group key over a sums row `u`, and its label by that key: fixed SQL, never built from input. */
const KEYS: Record<GroupBy, { key: string; label: string; agentTime: boolean }> = {
  branch: {
    key: 'u.branch_id',
    label: `(select name from branches where id = cast(k.key as integer))`,
    agentTime: true,
  },
  department: {
    key: 'u.department_id',
    label: `(select name from departments where id = cast(k.key as integer))`,
    agentTime: false,
  },
  service: {
    key: 'u.service_id',
    label: `(select label || ' · ' || name from services where id = cast(k.key as integer))`,
    agentTime: false,
  },
  agent: {
    key: 'nullif(u.agent_id, 0)',
    label: `(select first_name || ' ' || last_name from users where id = cast(k.key as integer))`,
    agentTime: true,
  },
  day: { key: `to_char(u.day, 'YYYY-MM-DD')`, label: 'k.key', agentTime: true },
};

/**
 * The (branch, day) pairs of the scope that are not clean in the rollups: computed live. Days
 * before a branch's first day (firstDaySql) hold nothing and are neither: a year's report of a
 * branch opened last month computed its eleven empty months live (40 s with agent time).
 */
export async function livePairs(db: Db, s: SummaryScope): Promise<{ branchIds: number[]; days: string[] }> {
  const firstDay = new Map(
    s.allLive
      ? []
      : (
          (await db('branches as br')
            .whereIn('br.id', s.branchIds)
            .select('br.id', db.raw(`to_char(${firstDaySql('br')}, 'YYYY-MM-DD') as first_day`))) as {
            id: number;
            first_day: string;
          }[]
        ).map((r) => [r.id, r.first_day]),
  );
  const clean = new Set(
    s.allLive
      ? []
      : (
          (await db('report_days')
            .whereIn('branch_id', s.branchIds)
            .whereBetween('day', [s.from, s.to])
            .where('dirty', false)
            // A day rolled before the rollups held every figure read here (ROLLUP_VERSION: e.g.
            // the outcome split) is computed live until the job's next pass rolls it again.
            .where('version', '>=', ROLLUP_VERSION)
            .select('branch_id', db.raw(`to_char(day, 'YYYY-MM-DD') as day`))) as { branch_id: number; day: string }[]
        ).map((r) => `${r.branch_id}/${r.day}`),
  );
  const out = { branchIds: [] as number[], days: [] as string[] };
  for (let d = new Date(`${s.from}T00:00:00Z`); d <= new Date(`${s.to}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) {
    const day = d.toISOString().slice(0, 10);
    for (const b of s.branchIds) {
      const first = firstDay.get(b);
      if (first !== undefined && day < first) continue;
      if (!clean.has(`${b}/${day}`)) {
        out.branchIds.push(b);
        out.days.push(day);
      }
    }
  }
  return out;
}

/** Rollup rows `r` of the scope not computed live; `agentTime`: a grain with no service (agents' time). */
export function rolledWhere(f: SumsFilter, agentTime: boolean): string {
  const w = [
    'r.branch_id = any(cast(:scopeBranches as integer[]))',
    'r.day between cast(:from as date) and cast(:to as date)',
    // Not a day computed live (dirty or never rolled: livePairs): a hashed anti-join with those
    // few pairs, where a lookup of report_days per rollup row cost most of a year's report.
    `not exists (select 1 from unnest(cast(:branchIds as integer[]), cast(:days as date[])) as l(branch_id, day)
      where l.branch_id = r.branch_id and l.day = r.day)`,
  ];
  if (!agentTime && f.serviceId) w.push('r.service_id = :serviceId');
  if (!agentTime && f.departmentId) w.push('r.department_id = :departmentId');
  if (f.agentId) w.push('r.agent_id = :agentId');
  return w.join(' and ');
}

/** Ticket sums per group key, and (when the grouping has agents' time and no service narrowing) agent time per key. */
export async function readSummary(
  db: Db,
  s: SummaryScope,
  groupBy: GroupBy,
): Promise<{ tickets: Sums[]; agentTime: Sums[] | null }> {
  if (s.branchIds.length === 0) return { tickets: [], agentTime: KEYS[groupBy].agentTime ? [] : null };
  const live = await livePairs(db, s);
  const b = {
    ...s.filter,
    branchIds: pgArray(live.branchIds),
    days: pgArray(live.days),
    scopeBranches: pgArray(s.branchIds),
    from: s.from,
    to: s.to,
  };
  const { key, label } = KEYS[groupBy];
  const cols = LIVE_SERVICE_DAY_COLUMNS;
  const ticketSql = `
    with u as (
      select branch_id, day, service_id, agent_id, department_id, ${SERVICE_DAY_COLUMNS.join(', ')}, 0 as waiting_over_sla
      from report_service_days r where ${rolledWhere(s.filter, false)}
      ${live.days.length ? `union all select branch_id, day, service_id, agent_id, department_id, ${cols.join(', ')} from (${ticketSumsSql(s.filter, true)}) l` : ''}
    ),
    k as (select cast(${key} as text) as key, ${cols.map((c) => `sum(u.${c}) as ${c}`).join(', ')} from u group by 1)
    select k.*, ${label} as label from k order by k.key`;
  const tickets = (await db.raw<{ rows: Sums[] }>(ticketSql, b)).rows;
  // Shift time belongs to no service: narrowing to a service or department leaves it out.
  if (!KEYS[groupBy].agentTime || s.filter.serviceId || s.filter.departmentId) return { tickets, agentTime: null };
  const acols = AGENT_DAY_COLUMNS;
  const timeSql = `
    with u as (
      select branch_id, day, agent_id, ${acols.join(', ')} from report_agent_days r where ${rolledWhere(s.filter, true)}
      ${live.days.length ? `union all select branch_id, day, agent_id, ${acols.join(', ')} from (${agentSumsSql(s.filter)}) l` : ''}
    ),
    k as (select cast(${key} as text) as key, ${acols.map((c) => `sum(u.${c}) as ${c}`).join(', ')} from u group by 1)
    select k.*, ${label} as label from k`;
  return { tickets, agentTime: (await db.raw<{ rows: Sums[] }>(timeSql, b)).rows };
}
