// H3 figures as sums and counts over the ticket facts (facts.ts) of a set of (branch, day) pairs:
// the rollup job stores them per day, and reports compute today (and any day not yet rolled) with
// the same SQL, so a rolled day and a live one can never disagree.
import { HELD, PAIRS, ticketFactsSql, type SumsFilter } from './facts.js';
import { OUTCOMES } from '../../domain/report-outcomes.js';

/** The outcome counts (domain/report-outcomes.ts) besides `served`, one column each, named by the outcome. */
const SPLIT = OUTCOMES.filter((o) => o !== 'served');
const splitCounts = SPLIT.map((o) => `count(*) filter (where pt.outcome = '${o}') as ${o}`).join(',\n      ');

/**
 * Issue 19: customers not yet called and waiting past the target right now — the monitor's own
 * rule (arrival kept across a transfer). Only a day still open has any, so rolled (clean) days
 * hold none and this column is computed live only.
 */
const WAITING_OVER_SLA = `count(*) filter (where pt.status = 'waiting' and not pt.was_called and exists (
        select 1 from tickets x where x.id = pt.id and x.called_at is null
          and now() - x.arrival_at > make_interval(secs => pt.sla_target_seconds))) as waiting_over_sla`;

/**
 * Ticket sums per branch, department, service, agent (0: never called) and day — the columns of
 * report_service_days; `live`: with waiting_over_sla too (LIVE_SERVICE_DAY_COLUMNS).
 */
export const ticketSumsSql = (f: SumsFilter = {}, live = false): string => `
    with ${ticketFactsSql(f)}
    select pt.branch_id, pt.service_day as day, pt.service_id, coalesce(pt.agent_id, 0) as agent_id, pt.entity_id, pt.department_id,
      count(*) as tickets,
      count(*) filter (where pt.status = 'finished') as served,
      coalesce(sum(pt.wait_s), 0) as wait_sum, count(pt.wait_s) as wait_n,
      coalesce(sum(pt.walk_s), 0) as walk_sum, count(pt.walk_s) as walk_n,
      coalesce(sum(pt.service_s), 0) as service_sum, count(pt.service_s) as service_n,
      count(*) filter (where pt.was_called) as called,
      count(*) filter (where pt.was_called and pt.first_wait_s <= pt.sla_target_seconds) as within_sla,
      count(*) filter (where pt.status = 'no_show') as no_show,
      count(*) filter (where pt.status = 'cancelled') as cancelled,
      ${splitCounts}${live ? `,\n      ${WAITING_OVER_SLA}` : ''}
    from pt${f.agentId ? ' where pt.agent_id = :agentId' : ''}
    group by pt.branch_id, pt.service_day, pt.service_id, coalesce(pt.agent_id, 0), pt.entity_id, pt.department_id`;

/**
 * Arrivals and waits per branch, day, hour of arrival, service and agent (0: never called) — the
 * columns of report_service_hours (the heat map; by agent since issue 19's agent filter).
 */
export const hourSumsSql = (f: SumsFilter = {}): string => `
    with ${ticketFactsSql(f)}
    select pt.branch_id, pt.service_day as day, pt.hour, pt.service_id, coalesce(pt.agent_id, 0) as agent_id, pt.entity_id, pt.department_id,
      count(*) as tickets,
      coalesce(sum(pt.wait_s), 0) as wait_sum, count(pt.wait_s) as wait_n,
      count(*) filter (where pt.was_called) as called,
      count(*) filter (where pt.was_called and pt.first_wait_s <= pt.sla_target_seconds) as within_sla,
      count(*) filter (where pt.outcome = 'left_before_called') as left_before_called
    from pt${f.agentId ? ' where pt.agent_id = :agentId' : ''}
    group by pt.branch_id, pt.service_day, pt.hour, pt.service_id, coalesce(pt.agent_id, 0), pt.entity_id, pt.department_id`;

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
  'no_show',
  'cancelled',
  ...SPLIT,
] as const;
/** The service-day sums a report reads: the rolled ones, and waiting_over_sla (live only; 0 on a rolled day). */
export const LIVE_SERVICE_DAY_COLUMNS = [...SERVICE_DAY_COLUMNS, 'waiting_over_sla'] as const;
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
