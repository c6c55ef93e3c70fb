// Per-ticket facts (who served it, its waits and outcome), the grain every H3 figure is summed
// from (sums.ts): computed from the timeline's status-changing events (each status lasts until the
// ticket's next one), or read from ticket_facts once the ticket has ended.
import { ENDED_STATUSES, HELD_STATUSES, OPEN_STATUSES } from '../../domain/tickets.js';
import { MISSED_REASON } from '../../domain/tickets.js';

/** Narrowing a report applies to the raw rows; fixed SQL with named bindings, never input. */
export interface SumsFilter {
  serviceId?: number;
  departmentId?: number;
  agentId?: number;
}

export const quoted = (list: readonly string[]): string => list.map((s) => `'${s}'`).join(', ');
export const HELD = quoted(HELD_STATUSES);
export const OPEN = quoted(OPEN_STATUSES);
/**
 * A list as one PostgreSQL array literal: knex would spread a JS array into `?, ?, ?`. Only for
 * integers and YYYY-MM-DD days, which need no quoting.
 */
export const pgArray = (values: readonly (number | string)[]): string => `{${values.join(',')}}`;

/** Bindings: :branchIds (int[]) and :days (date[]) pair up element by element (pgArray literals). */
export const PAIRS = `select * from unnest(cast(:branchIds as integer[]), cast(:days as date[]))`;

/**
 * The outcome (domain/report-outcomes.ts) of a ticket's ending step, as SQL over that step's
 * to_status, actor_type and details->>'reason'; null for a step that ends nothing.
 */
export const outcomeSql = (status: string, actor: string, reason: string): string => `case
    when ${status} = 'finished' then 'served'
    when ${status} = 'no_show' and ${reason} is not distinct from '${MISSED_REASON}' then 'missed_appointment'
    when ${status} = 'no_show' and ${actor} = 'user' then 'no_show_marked'
    when ${status} = 'no_show' then 'no_show_timeout'
    when ${status} = 'cancelled' and ${actor} = 'customer' then 'left_before_called'
    when ${status} = 'cancelled' then 'cancelled_staff'
  end`;

/** Which tickets: those of the (branch, day) pairs, or those an agent last called in a window (a shift). */
type TicketSource = 'pairs' | 'agentCalls';
const SOURCES: Record<TicketSource, string> = {
  // One index probe per (branch, day): a list of a few days never reads the branch's whole history.
  pairs: `(${PAIRS}) as pair(branch_id, day)
      cross join lateral (select * from tickets t where t.branch_id = pair.branch_id and t.service_day = pair.day) t`,
  // Bindings :agentId, :from, :to (and :days, the days those tickets may belong to).
  agentCalls: `tickets t`,
};
const SOURCE_WHERE: Record<TicketSource, string> = {
  pairs: 'true',
  agentCalls: 't.agent_id = :agentId and t.called_at between :from and :to',
};

/**
 * A ticket's facts, in the order of the `pt` rows below. An ended ticket's never change, so the
 * rollup job stores them once (ticket_facts, with its agents' busy time in ticket_busy), and the
 * figures read those rows instead of its timeline: today's reports and the monitor read a row per
 * ended ticket and the timelines of the open ones and of those ended since the job's last pass.
 * Not in the step that ends a ticket: that query cost the dispatch path ~10 % of its throughput.
 */
export const FACT_COLUMNS = [
  'entity_id',
  'branch_id',
  'service_id',
  'department_id',
  'service_day',
  'status',
  'sla_target_seconds',
  'hour',
  'agent_id',
  'wait_s',
  'walk_s',
  'service_s',
  'first_wait_s',
  'was_called',
  'cancelled_waiting',
  'outcome',
] as const;

/** Per ticket: who served it, its waits and outcome. */
export const ticketFactsSql = (f: SumsFilter = {}, source: TicketSource = 'pairs'): string => `
    t as (
      select t.id, t.entity_id, t.branch_id, t.service_id, s.department_id, t.service_day, t.status, s.sla_target_seconds,
        -- The hour of the day the customer arrived, on the branch's clock (the heat map's row).
        cast(extract(hour from t.arrival_at at time zone b.timezone) as integer) as hour,
        exists (select 1 from ticket_facts f where f.ticket_id = t.id) as has_facts
      from ${SOURCES[source]}
      join services s on s.id = t.service_id
      join branches b on b.id = t.branch_id
      where ${SOURCE_WHERE[source]}${f.serviceId ? ' and t.service_id = :serviceId' : ''}${f.departmentId ? ' and s.department_id = :departmentId' : ''}
    ),
    ch0 as (
      select e.ticket_id, e.seq, e.type, e.from_status, e.to_status, e.at,
        ${outcomeSql('e.to_status', 'e.actor_type', "e.details->>'reason'")} as outcome,
        lead(e.at) over w as next_at, lead(e.to_status) over w as next_status,
        -- The agent of the latest call so far (a window, not a lookup per event).
        (array_agg(cast(e.details->>'agentId' as integer)) filter (where e.type = 'called') over w) as called_agents
      -- Each ticket's own events by index, in its day's month only: a list of many days must not
      -- turn into a scan of every event. The days' list, a constant when planned, lets PostgreSQL
      -- drop the other months' partitions from the plan (a per-ticket day alone prunes only at run
      -- time, too late for the planner, which then prefers scanning every month).
      from (select * from t where not t.has_facts) t cross join lateral (
        select * from ticket_events e
        where e.ticket_id = t.id and e.service_day = t.service_day and e.service_day = any(cast(:days as date[]))
          and e.to_status is distinct from e.from_status
      ) e
      window w as (partition by e.ticket_id order by e.seq)
    ),
    ch as (select ch0.*, ch0.called_agents[cardinality(ch0.called_agents)] as agent_id from ch0),
    pt_live as (
      select t.id, t.entity_id, t.branch_id, t.service_id, t.department_id, t.service_day, t.status, t.sla_target_seconds, t.hour,
        (array_agg(ch.agent_id order by ch.seq desc) filter (where ch.agent_id is not null))[1] as agent_id,
        sum(extract(epoch from coalesce(ch.next_at, now()) - ch.at)) filter (where ch.to_status = 'waiting') as wait_s,
        sum(extract(epoch from ch.next_at - ch.at)) filter (where ch.to_status = 'calling' and ch.next_status = 'attending') as walk_s,
        sum(extract(epoch from ch.next_at - ch.at)) filter (where ch.to_status = 'attending' and ch.next_at is not null) as service_s,
        extract(epoch from min(ch.at) filter (where ch.type = 'called') - min(ch.at) filter (where ch.to_status = 'waiting')) as first_wait_s,
        coalesce(bool_or(ch.type = 'called'), false) as was_called,
        coalesce(bool_or(ch.type = 'cancelled' and ch.from_status = 'waiting'), false) as cancelled_waiting,
        -- How it ended, by who ended it: its latest ending step (an open ticket: null).
        (array_agg(ch.outcome order by ch.seq desc) filter (where ch.outcome is not null and t.status in (${quoted(ENDED_STATUSES)})))[1] as outcome
      from t left join ch on ch.ticket_id = t.id
      where not t.has_facts
      group by t.id, t.entity_id, t.branch_id, t.service_id, t.department_id, t.service_day, t.status, t.sla_target_seconds, t.hour
    ),
    pt as (
      select t.id, ${FACT_COLUMNS.map((c) => `f.${c}`).join(', ')}
      from t join ticket_facts f on f.ticket_id = t.id
      union all select * from pt_live
    )`;

const ENDED_LIST = quoted(ENDED_STATUSES);
/**
 * Stores the facts (and agents' busy time) of the ended tickets of the (branch, day) pairs that
 * have none yet (:branchIds, :days). One statement: both inserts read the same timeline.
 */
export const storeFactsSql = (): string => `
    with ${ticketFactsSql({})},
    busy_rows as (
      insert into ticket_busy (ticket_id, agent_id, busy_s)
      select ch.ticket_id, ch.agent_id, sum(extract(epoch from ch.next_at - ch.at))
      from ch join t on t.id = ch.ticket_id
      where t.status in (${ENDED_LIST}) and ch.to_status in (${HELD}) and ch.agent_id is not null
      group by ch.ticket_id, ch.agent_id
      on conflict do nothing
    )
    insert into ticket_facts (ticket_id, ${FACT_COLUMNS.join(', ')})
    select id, ${FACT_COLUMNS.join(', ')} from pt_live where status in (${ENDED_LIST})
    on conflict do nothing`;
