// The set-based statements that write one batch of history: whole service days, so each
// (service, day) numbering partition is complete inside one batch. Named bindings (knex raw).
//
// Times come from a day template in seconds after 07:50 local: arrivals 08:00–18:00, a wait of
// 1–21 min (about 70 % called within the 15 min SLA), 10–60 s walking to the desk, 2–17 min of
// service, a 2 min call time-out for no-shows. Today's template is squeezed into the part of the
// day already gone (`compress`, `scale`) when the run starts early, so "today" has a full day's
// volume and every seeded ticket and shift has ended before now.
export const TEMPLATE_SECONDS = 41_000;

/** A template offset (SQL, seconds) as a timestamptz on the row's day `x.day` (index `x.k`). */
const at = (tau: string) =>
  `(case when x.k = 0 and cast(:compress as boolean) then x.t0 + (${tau}) * cast(:scale as float8) * interval '1 second'
     else (x.day + time '07:50') at time zone :tz + (${tau}) * interval '1 second' end)`;

const DAYS = `select k, cast((now() at time zone :tz) as date) - k as day,
    cast(cast((now() at time zone :tz) as date) as timestamp) at time zone :tz as t0
  from generate_series(cast(:k0 as int), cast(:k1 as int) - 1) k`;

// Parameters cannot reach a CREATE TABLE … AS, so the staging tables are declared, then filled.
export const CREATE_STAGING = [
  `create temp table vb (id uuid, day date, status text, priority int, service_id int, label text, topic_id int, agent_id int,
    agent_name text, desk_id int, customer_id int, arrival_at timestamptz, called_at timestamptz, attending_at timestamptz,
    ended_at timestamptz, last_seq int, seq int, number text) on commit drop`,
  'create temp table vs (id uuid, uid int, desk int, k int, day date, t0 timestamptz, j float8) on commit drop',
];

/** Tickets of days [k0, k1) into `vb`: services chosen uniformly, each served by one of its main agents. */
export const STAGE_TICKETS = `
insert into vb
with cfg as (
  select cast(:services as int[]) as services, cast(:labels as text[]) as labels, cast(:agents as int[]) as agents,
    cast(:names as text[]) as names, cast(:desks as int[]) as desks, cast(:topics as int[]) as topics,
    (select min(id) from customers where entity_id = cast(:entityId as int)) as cmin,
    (select max(id) from customers where entity_id = cast(:entityId as int)) as cmax,
    cast(:nServices as int) as ns, cast(:nAgents as int) as na, cast(:topicsPerService as int) as tps
),
g as (
  select d.k, d.day, d.t0, floor(random() * cfg.ns)::int as si, random() as r_agent, random() as r_status,
    600 + random() * 36000 as tau_arr, 60 + random() * 1200 as wait_s, 10 + random() * 50 as walk_s, 120 + random() * 900 as service_s,
    random() < 0.33 as with_customer, random() as r_cust, (random() < 0.08)::int as priority, floor(random() * cfg.tps)::int as ti
  from cfg, (${DAYS}) d
  cross join lateral generate_series(1, (floor((d.k + 1) * cast(:n as bigint) / cast(:d as int)) - floor(d.k * cast(:n as bigint) / cast(:d as int)))::int)
),
x as (
  select g.*, cfg.*,
    -- Agents i, i + S, i + 2S… have service i as their main one (createBenchOrg).
    (g.si + cfg.ns * floor(g.r_agent * greatest(1, ceil((cfg.na - g.si) / cast(cfg.ns as numeric)))))::int % cfg.na as ai,
    case when g.r_status < 0.85 then 'finished' when g.r_status < 0.95 then 'cancelled' else 'no_show' end as status
  from g, cfg
),
y as (
  select gen_random_uuid() as id, x.day, x.status, x.priority,
    x.services[x.si + 1] as service_id, x.labels[x.si + 1] as label, x.topics[x.si * x.tps + x.ti + 1] as topic_id,
    case when x.status <> 'cancelled' then x.agents[x.ai + 1] end as agent_id,
    case when x.status <> 'cancelled' then x.names[x.ai + 1] end as agent_name,
    case when x.status <> 'cancelled' then x.desks[x.ai + 1] end as desk_id,
    case when x.with_customer then x.cmin + floor(x.r_cust * (x.cmax - x.cmin + 1))::int end as customer_id,
    ${at('x.tau_arr')} as arrival_at,
    case when x.status <> 'cancelled' then ${at('x.tau_arr + x.wait_s')} end as called_at,
    case when x.status = 'finished' then ${at('x.tau_arr + x.wait_s + x.walk_s')} end as attending_at,
    case x.status when 'finished' then ${at('x.tau_arr + x.wait_s + x.walk_s + x.service_s')}
      when 'cancelled' then ${at('x.tau_arr + x.wait_s')} else ${at('x.tau_arr + x.wait_s + 120')} end as ended_at,
    case x.status when 'finished' then 4 when 'cancelled' then 2 else 3 end as last_seq
  from x
)
select z.*, z.label || '-' || case when z.seq < 1000 then lpad(z.seq::text, 3, '0') else z.seq::text end
from (select y.*, cast(row_number() over (partition by y.service_id, y.day order by y.arrival_at) as int) as seq from y) z`;

/** Rows are written in the order the real system would have appended them (time order). */
export const INSERT_TICKETS = `
insert into tickets (id, entity_id, branch_id, service_id, numbered_service_id, customer_id, kind, status, service_day, seq, number,
  priority, arrival_at, queued_at, called_at, attending_at, ended_at, desk_id, agent_id, no_answer_count, workflow_id, last_event_seq, created_at, updated_at)
select id, cast(:entityId as int), cast(:branchId as int), service_id, service_id, customer_id, 'turn', status, day, seq, number,
  priority, arrival_at, arrival_at, called_at, attending_at, ended_at, desk_id, agent_id, (status = 'no_show')::int, 'ticket-' || id, last_seq, arrival_at, ended_at
from vb order by arrival_at`;

/** The timeline as the ticket workflow writes it (workflows/tickets/state.ts): a turn is created waiting. */
export const INSERT_EVENTS = `
insert into ticket_events (ticket_id, service_day, seq, type, from_status, to_status, actor_type, actor_id, actor_name, details, at)
select * from (
  select id, day, 1, 'created', cast(null as text), 'waiting', 'customer', cast(null as int), cast(null as text),
    jsonb_build_object('number', number, 'kind', 'turn', 'serviceId', service_id), arrival_at from vb
  union all select id, day, 2, 'called', 'waiting', 'calling', 'user', agent_id, agent_name,
    jsonb_build_object('agentId', agent_id, 'deskId', desk_id), called_at from vb where status <> 'cancelled'
  union all select id, day, 3, 'attending', 'calling', 'attending', 'user', agent_id, agent_name, '{}'::jsonb, attending_at from vb where status = 'finished'
  union all select id, day, 4, 'finished', 'attending', 'finished', 'user', agent_id, agent_name,
    jsonb_build_object('topicIds', jsonb_build_array(topic_id)), ended_at from vb where status = 'finished'
  union all select id, day, 2, 'cancelled', 'waiting', 'cancelled', 'customer', null, null, jsonb_build_object('reason', null), ended_at from vb where status = 'cancelled'
  union all select id, day, 3, 'no_show', 'calling', 'no_show', 'system', null, null, jsonb_build_object('noAnswerCount', 1), ended_at from vb where status = 'no_show'
) e order by 11`;

export const INSERT_TOPICS = `insert into ticket_topics (ticket_id, topic_id) select id, topic_id from vb where status = 'finished'`;

/** One shift per agent per day, with a fixed day shape (jittered up to 10 min) of state periods. */
export const STAGE_SHIFTS = `
insert into vs select gen_random_uuid(), a.uid, a.desk, x.k, x.day, x.t0, random() * 600
from unnest(cast(:agents as int[]), cast(:desks as int[])) a(uid, desk), (${DAYS}) x`;

export const INSERT_SHIFTS = `
insert into shifts (id, user_id, branch_id, desk_id, state, state_since, started_at, ended_at, workflow_id, last_step_seq)
select x.id, x.uid, cast(:branchId as int), x.desk, 'offline', ${at('x.j + 40200')}, ${at('x.j')}, ${at('x.j + 40200')}, 'shift-' || x.uid || '-' || x.id, 6
from vs x order by 7`;

export const INSERT_PERIODS = `
insert into shift_state_periods (shift_id, seq, state, started_at, ended_at)
select x.id, p.seq, p.state, ${at('x.j + p.a')}, ${at('x.j + p.b')}
from vs x cross join (values (1, 'online', 0, 15000), (2, 'lunch', 15000, 18600), (3, 'online', 18600, 27600),
  (4, 'resting', 27600, 28500), (5, 'online', 28500, 39000), (6, 'documenting', 39000, 40200)) p(seq, state, a, b)
order by 4`;

/** The day counters, so tickets created through the API today continue the seeded numbers. */
export const INSERT_COUNTERS = `
insert into ticket_counters (service_id, day, last)
select numbered_service_id, service_day, max(seq) from tickets where branch_id = cast(:branchId as int) group by 1, 2
on conflict (service_id, day) do update set last = greatest(ticket_counters.last, excluded.last)`;
