// H3 figures as sums and counts, straight from the raw timeline, for a set of (branch, day)
// pairs: the rollup job stores them per day, and reports compute today (and any day not yet
// rolled) with the same SQL, so a rolled day and a live one can never disagree.
// Status periods come from status-changing events: each lasts until the ticket's next one.

import { ENDED_STATUSES, HELD_STATUSES, OPEN_STATUSES } from '../../domain/tickets.js';

/** Narrowing a report applies to the raw rows; fixed SQL with named bindings, never input. */
export interface SumsFilter {
  serviceId?: number;
  departmentId?: number;
  agentId?: number;
}

const quoted = (list: readonly string[]): string => list.map((s) => `'${s}'`).join(', ');
const HELD = quoted(HELD_STATUSES);
export const OPEN = quoted(OPEN_STATUSES);
/**
 * A list as one PostgreSQL array literal: knex would spread a JS array into `?, ?, ?`. Only for
 * integers and YYYY-MM-DD days, which need no quoting.
 */
export const pgArray = (values: readonly (number | string)[]): string => `{${values.join(',')}}`;

/** Bindings: :branchIds (int[]) and :days (date[]) pair up element by element (pgArray literals). */
const PAIRS = `select * from unnest(cast(:branchIds as integer[]), cast(:days as date[]))`;

/**
 * Which tickets: those of the (branch, day) pairs, those an agent last called in a window (a
 * shift), or one ticket (:ticketId, when it ends).
 */
type TicketSource = 'pairs' | 'agentCalls' | 'one';
const SOURCES: Record<TicketSource, string> = {
  // One index probe per (branch, day): a list of a few days never reads the branch's whole history.
  pairs: `(${PAIRS}) as pair(branch_id, day)
      cross join lateral (select * from tickets t where t.branch_id = pair.branch_id and t.service_day = pair.day) t`,
  // Bindings :agentId, :from, :to (and :days, the days those tickets may belong to).
  agentCalls: `tickets t`,
  one: `tickets t`,
};
const SOURCE_WHERE: Record<TicketSource, string> = {
  pairs: 'true',
  agentCalls: 't.agent_id = :agentId and t.called_at between :from and :to',
  one: 't.id = :ticketId',
};

/**
 * A ticket's facts, in the order of the `pt` rows below. An ended ticket's never change, so they
 * are stored once (ticket_facts, with its agents' busy time in ticket_busy) when it ends, and the
 * figures read those rows instead of its timeline: today's reports and the monitor read a row
 * per ended ticket and the timeline of the open ones only.
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
        coalesce(bool_or(ch.type = 'cancelled' and ch.from_status = 'waiting'), false) as cancelled_waiting
      from t left join ch on ch.ticket_id = t.id
      where not t.has_facts
      group by t.id, t.entity_id, t.branch_id, t.service_id, t.department_id, t.service_day, t.status, t.sla_target_seconds, t.hour
    ),
    pt as (
      select t.id, ${FACT_COLUMNS.map((c) => `f.${c}`).join(', ')}
      from t join ticket_facts f on f.ticket_id = t.id
      union all select * from pt_live
    )`;

/** Ticket sums per branch, department, service, agent (0: never called) and day — the columns of report_service_days. */
export const ticketSumsSql = (f: SumsFilter = {}): string => `
    with ${ticketFactsSql(f)}
    select pt.branch_id, pt.service_day as day, pt.service_id, coalesce(pt.agent_id, 0) as agent_id, pt.entity_id, pt.department_id,
      count(*) as tickets,
      count(*) filter (where pt.status = 'finished') as served,
      coalesce(sum(pt.wait_s), 0) as wait_sum, count(pt.wait_s) as wait_n,
      coalesce(sum(pt.walk_s), 0) as walk_sum, count(pt.walk_s) as walk_n,
      coalesce(sum(pt.service_s), 0) as service_sum, count(pt.service_s) as service_n,
      count(*) filter (where pt.was_called) as called,
      count(*) filter (where pt.was_called and pt.first_wait_s <= pt.sla_target_seconds) as within_sla,
      count(*) filter (where pt.cancelled_waiting and not pt.was_called) as left_before_called,
      count(*) filter (where pt.status = 'no_show') as no_show,
      count(*) filter (where pt.status = 'cancelled') as cancelled
    from pt${f.agentId ? ' where pt.agent_id = :agentId' : ''}
    group by pt.branch_id, pt.service_day, pt.service_id, coalesce(pt.agent_id, 0), pt.entity_id, pt.department_id`;

/** Arrivals and waits per branch, day, hour of arrival and service — the columns of report_service_hours (the heat map). */
export const hourSumsSql = (f: SumsFilter = {}): string => `
    with ${ticketFactsSql(f)}
    select pt.branch_id, pt.service_day as day, pt.hour, pt.service_id, pt.entity_id, pt.department_id,
      count(*) as tickets,
      coalesce(sum(pt.wait_s), 0) as wait_sum, count(pt.wait_s) as wait_n,
      count(*) filter (where pt.was_called) as called,
      count(*) filter (where pt.was_called and pt.first_wait_s <= pt.sla_target_seconds) as within_sla,
      count(*) filter (where pt.cancelled_waiting and not pt.was_called) as left_before_called
    from pt${f.agentId ? ' where pt.agent_id = :agentId' : ''}
    group by pt.branch_id, pt.service_day, pt.hour, pt.service_id, pt.entity_id, pt.department_id`;

/**
 * Tickets per branch, day, topic, service and agent — the columns of report_topic_days. A ticket
 * with two topics counts under each: per topic the figures are exact, a sum over topics is not a
 * count of tickets.
 */
export const topicSumsSql = (f: SumsFilter = {}): string => `
    with ${ticketFactsSql(f)}
    select pt.branch_id, pt.service_day as day, tt.topic_id, pt.service_id, coalesce(pt.agent_id, 0) as agent_id,
      pt.entity_id, pt.department_id,
      count(*) as tickets,
      count(*) filter (where pt.status = 'finished') as served,
      coalesce(sum(pt.service_s), 0) as service_sum, count(pt.service_s) as service_n
    from pt join ticket_topics tt on tt.ticket_id = pt.id${f.agentId ? ' where pt.agent_id = :agentId' : ''}
    group by pt.branch_id, pt.service_day, tt.topic_id, pt.service_id, coalesce(pt.agent_id, 0), pt.entity_id, pt.department_id`;

/**
 * A shift's attentions (H3 per shift): the tickets the agent last called during it, with the
 * reports' own definitions of walking (called → attending) and service (attending → end) time.
 */
export const shiftTicketSumsSql = (): string => `
    with ${ticketFactsSql({}, 'agentCalls')}
    select count(pt.walk_s) as walk_n, coalesce(sum(pt.walk_s), 0) as walk_sum,
      count(pt.service_s) filter (where pt.status = 'finished') as service_n,
      coalesce(sum(pt.service_s) filter (where pt.status = 'finished'), 0) as service_sum
    from pt`;

/**
 * Agent time per branch, agent and local day — the columns of report_agent_days. A period that
 * crosses the branch's midnight counts on each day for the part it spent there; idle is online
 * time not spent calling or serving (busy comes from the tickets of that service day).
 */
export const agentSumsSql = (f: SumsFilter = {}): string => `
    with ${ticketFactsSql({})},
    pairs as (select * from (${PAIRS}) as pair(branch_id, day)),
    busy as (
      select x.agent_id, x.branch_id, x.day, sum(x.busy_s) as busy_s from (
        select ch.agent_id, t.branch_id, t.service_day as day, extract(epoch from coalesce(ch.next_at, now()) - ch.at) as busy_s
        from ch join t on t.id = ch.ticket_id
        where ch.to_status in (${HELD}) and ch.agent_id is not null
        union all
        select b.agent_id, t.branch_id, t.service_day, b.busy_s from t join ticket_busy b on b.ticket_id = t.id
      ) x group by x.agent_id, x.branch_id, x.day
    ),
    periods as (
      select sh.user_id as agent_id, sh.branch_id, b.entity_id, d.day, p.state,
        extract(epoch from least(coalesce(p.ended_at, now()), (d.day + 1)::timestamp at time zone b.timezone)
          - greatest(p.started_at, d.day::timestamp at time zone b.timezone)) as secs
      from shifts sh join branches b on b.id = sh.branch_id join shift_state_periods p on p.shift_id = sh.id
      cross join lateral (
        select cast(g as date) as day from generate_series(
          cast(p.started_at at time zone b.timezone as date),
          cast(coalesce(p.ended_at, now()) at time zone b.timezone as date), interval '1 day') g
      ) d
      -- The pairs' branches, and their shifts around the pairs' days (a day's slack either side for
      -- any time zone): never every period of every branch.
      where sh.branch_id in (select distinct branch_id from pairs)
        and sh.started_at < (select max(day) from pairs) + 2
        and coalesce(sh.ended_at, now()) > (select min(day) from pairs) - 1
        and (sh.branch_id, d.day) in (select branch_id, day from pairs)${f.agentId ? ' and sh.user_id = :agentId' : ''}
    ),
    a as (
      select pr.agent_id, pr.branch_id, pr.entity_id, pr.day,
        coalesce(sum(pr.secs) filter (where pr.state = 'online'), 0) as online_s,
        coalesce(sum(pr.secs) filter (where pr.state in ('resting', 'lunch')), 0) as break_s,
        coalesce(sum(pr.secs) filter (where pr.state = 'documenting'), 0) as wrap_s
      from periods pr group by pr.agent_id, pr.branch_id, pr.entity_id, pr.day
    )
    select a.branch_id, a.day, a.agent_id, a.entity_id, a.online_s, coalesce(busy.busy_s, 0) as busy_s,
      greatest(a.online_s - coalesce(busy.busy_s, 0), 0) as idle_s, a.break_s, a.wrap_s
    from a left join busy on busy.agent_id = a.agent_id and busy.branch_id = a.branch_id and busy.day = a.day`;

export const SERVICE_DAY_COLUMNS = [
  'tickets',
  'served',
  'wait_sum',
  'wait_n',
  'walk_sum',
  'walk_n',
  'service_sum',
  'service_n',
  'called',
  'within_sla',
  'left_before_called',
  'no_show',
  'cancelled',
] as const;
export const AGENT_DAY_COLUMNS = ['online_s', 'busy_s', 'idle_s', 'break_s', 'wrap_s'] as const;
export const SERVICE_HOUR_COLUMNS = [
  'tickets',
  'wait_sum',
  'wait_n',
  'called',
  'within_sla',
  'left_before_called',
] as const;
export const TOPIC_DAY_COLUMNS = ['tickets', 'served', 'service_sum', 'service_n'] as const;

const ENDED_LIST = quoted(ENDED_STATUSES);
/**
 * Stores the facts (and agents' busy time) of the source's ended tickets that have none yet:
 * applyStep does it for one ticket as it ends (:ticketId, :days), the rollup job for the days
 * reports compute live (:branchIds, :days). One statement: both inserts read the same timeline.
 */
export const storeFactsSql = (source: 'one' | 'pairs'): string => `
    with ${ticketFactsSql({}, source)},
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
