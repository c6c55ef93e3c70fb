// The rollup job (issue 18): rolls each branch's finished days into report_service_days,
// report_agent_days, report_service_hours (the heat map) and report_topic_days, so reports read
// a few rows per day instead of every raw ticket and event.
// Idempotent: rolling a day replaces its rows, so any day can be rebuilt from the timeline. A day
// that still has open tickets stays dirty (reports compute it live) and is rolled again later, so
// a late step — a requeue after midnight, a late cancellation — is never lost.
import type { Db } from '../knex.js';
import {
  AGENT_DAY_COLUMNS,
  SERVICE_DAY_COLUMNS,
  SERVICE_HOUR_COLUMNS,
  TOPIC_DAY_COLUMNS,
  agentSumsSql,
  hourSumsSql,
  ticketSumsSql,
  topicSumsSql,
} from './sums.js';
import { OPEN, pgArray, storeFactsSql } from './facts.js';

/**
 * The grains a rolled day holds; a day rolled with fewer (report_days.version) is rolled again.
 * 2: hours and topics. 3: outcomes by who ended the ticket (left_before_called: the customer only).
 * 4: hours by agent (the heat map's agent filter).
 */
export const ROLLUP_VERSION = 4;

export interface DayRef {
  branchId: number;
  day: string;
}

/**
 * Rebuilds one branch's day from the raw timeline; returns whether it is clean (nothing open).
 * `since`: the start of the caller's pass — a day another roller rolled clean since then is left
 * as it is (two workers backfilling a year share the work instead of each doing all of it).
 */
export async function rollDay(db: Db, { branchId, day }: DayRef, since?: Date): Promise<boolean> {
  return db.transaction(async (trx) => {
    await trx.raw('insert into report_days (branch_id, day) values (?, ?) on conflict do nothing', [branchId, day]);
    // Two rollers of one day take turns on its row.
    const done: { dirty: boolean; rolled_at: Date | null; version: number } = await trx('report_days')
      .where({ branch_id: branchId, day })
      .forUpdate()
      .first('dirty', 'rolled_at', 'version');
    if (since && done.rolled_at && done.rolled_at >= since && !done.dirty && done.version >= ROLLUP_VERSION)
      return true;
    const b = { branchIds: pgArray([branchId]), days: pgArray([day]) };
    await trx('report_service_days').where({ branch_id: branchId, day }).delete();
    await trx.raw(
      `insert into report_service_days (branch_id, day, service_id, agent_id, entity_id, department_id, ${SERVICE_DAY_COLUMNS.join(', ')}) ${ticketSumsSql()}`,
      b,
    );
    await trx('report_service_hours').where({ branch_id: branchId, day }).delete();
    await trx.raw(
      `insert into report_service_hours (branch_id, day, hour, service_id, agent_id, entity_id, department_id, ${SERVICE_HOUR_COLUMNS.join(', ')}) ${hourSumsSql()}`,
      b,
    );
    await trx('report_topic_days').where({ branch_id: branchId, day }).delete();
    await trx.raw(
      `insert into report_topic_days (branch_id, day, topic_id, service_id, agent_id, entity_id, department_id, ${TOPIC_DAY_COLUMNS.join(', ')}) ${topicSumsSql()}`,
      b,
    );
    await trx('report_agent_days').where({ branch_id: branchId, day }).delete();
    await trx.raw(
      `insert into report_agent_days (branch_id, day, agent_id, entity_id, ${AGENT_DAY_COLUMNS.join(', ')}) ${agentSumsSql()}`,
      b,
    );
    const open = await trx('tickets')
      .where({ branch_id: branchId, service_day: day })
      .whereRaw(`status in (${OPEN})`)
      .first('id');
    await trx('report_days')
      .where({ branch_id: branchId, day })
      .update({ dirty: Boolean(open), rolled_at: trx.fn.now(), version: ROLLUP_VERSION });
    return !open;
  });
}

/**
 * A branch's first day that can hold anything (`br`: its alias): its entity's first day with a
 * ticket or a shift, or its own opening if earlier. Nothing happened before it, so the rollups
 * start there and reports read no day before it, rolled or live (history imported older moves it
 * back). Both minimums are index lookups (tickets_branch_day_idx, shifts_branch_started).
 */
export const firstDaySql = (br: string): string => `least(cast(${br}.created_at at time zone ${br}.timezone as date), (
          select min(first.day) from branches sib
          cross join lateral (select least(
            (select min(t.service_day) from tickets t where t.branch_id = sib.id),
            (select cast(min(sh.started_at) at time zone sib.timezone as date) from shifts sh where sh.branch_id = sib.id)
          ) as day) first
          where sib.entity_id = ${br}.entity_id))`;

/**
 * Days to roll: every dirty day or one rolled with fewer grains, each branch's finished days
 * (before its local today) never rolled since its entity's first ticket (or its own opening), and
 * days with shift time after the last day it rolled. Oldest first.
 */
export async function pendingDays(db: Db): Promise<DayRef[]> {
  const { rows } = await db.raw<{ rows: { branch_id: number; day: string }[] }>(`
    with b as (
      select br.id, (now() at time zone br.timezone)::date as today,
        (select max(d.day) from report_days d where d.branch_id = br.id) as last_rolled,
        -- The entity's first day with tickets (or the branch's opening): a branch opened later has
        -- nothing before, and those empty days are rolled too, so an entity-wide range reads rollups.
        ${firstDaySql('br')} as first_day
      from branches br
    )
    select branch_id, to_char(day, 'YYYY-MM-DD') as day from (
      select d.branch_id, d.day from report_days d join b on b.id = d.branch_id
      where (d.dirty or d.version < ${ROLLUP_VERSION}) and d.day < b.today
      union
      -- Every finished day since the first one that has never been rolled, with tickets or not (an
      -- empty day is rolled empty and clean, so a range over it reads the rollups). Not only the
      -- days after the last one rolled: history may arrive older than that (an import, a restore).
      select b.id, cast(g as date) from b
      cross join lateral generate_series(cast(b.first_day as timestamp), cast(b.today - 1 as timestamp), interval '1 day') g
      where not exists (select 1 from report_days d where d.branch_id = b.id and d.day = cast(g as date))
      union
      select sh.branch_id, cast(p.started_at at time zone br.timezone as date)
      from b join shifts sh on sh.branch_id = b.id join branches br on br.id = b.id join shift_state_periods p on p.shift_id = sh.id
      where p.started_at < b.today::timestamp at time zone br.timezone
        and p.started_at >= coalesce(b.last_rolled + 1, '-infinity')::timestamp at time zone br.timezone
    ) x order by day, branch_id`);
  return rows.map((r) => ({ branchId: r.branch_id, day: r.day }));
}

/**
 * Stores the facts of ended tickets that have none for the days reports compute live: each
 * branch's today and yesterday, and every dirty day. The live part then reads their rows instead
 * of their timelines (every REPORT_ROLLUP_SECONDS: only tickets ended since are read live).
 */
export async function storeLiveFacts(db: Db): Promise<void> {
  const { rows } = await db.raw<{ rows: { branch_id: number; day: string }[] }>(`
    select b.id as branch_id, to_char((now() at time zone b.timezone)::date - k, 'YYYY-MM-DD') as day
    from branches b cross join generate_series(0, 1) k
    union select branch_id, to_char(day, 'YYYY-MM-DD') from report_days where dirty`);
  for (const r of rows) {
    await db.raw(storeFactsSql(), { branchIds: pgArray([r.branch_id]), days: pgArray([r.day]) });
  }
}

/** One pass of the job; `progress` hears every 50 days so a first backfill of a year shows it is moving. */
export async function rollPending(
  db: Db,
  progress?: (done: number, total: number) => void,
): Promise<{ rolled: number; dirty: number }> {
  const since = new Date();
  await storeLiveFacts(db);
  const days = await pendingDays(db);
  let dirty = 0;
  for (const [i, d] of days.entries()) {
    if (!(await rollDay(db, d, since))) dirty++;
    if (progress && ((i + 1) % 50 === 0 || i + 1 === days.length)) progress(i + 1, days.length);
  }
  return { rolled: days.length, dirty };
}
