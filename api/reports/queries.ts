// H3 in SQL: waiting, walking (called → attending) and service time from the ticket timeline,
// idle, break and wrap-up from shift state periods; SLA and abandonment per group.
// Status periods come from status-changing events: each lasts until the ticket's next one.
import type { Db } from '../../db/knex.js';
import type { SessionUser } from '../auth/sessions.js';
import { reachesWholeEntity } from '../http/reach.js';
import type { GroupBy, ReportQuery } from './schemas.js';
import type { ReportRow } from '../../domain/contracts/resources.js';

/** Group key and label per grouping: fixed SQL, never built from input. */
const KEYS: Record<GroupBy, { ticket: string; agentTime: string | null; label: string }> = {
  branch: { ticket: 'pt.branch_id', agentTime: 'a.branch_id', label: `(select name from branches where id = k.key)` },
  department: { ticket: 'pt.department_id', agentTime: null, label: `(select name from departments where id = k.key)` },
  service: { ticket: 'pt.service_id', agentTime: null, label: `(select label || ' · ' || name from services where id = k.key)` },
  agent: { ticket: 'pt.agent_id', agentTime: 'a.agent_id', label: `(select first_name || ' ' || last_name from users where id = k.key)` },
  day: { ticket: `to_char(pt.service_day, 'YYYY-MM-DD')`, agentTime: `to_char(a.day, 'YYYY-MM-DD')`, label: 'k.key' },
};

const num = (v: unknown): number => Number(v ?? 0);
const round = (v: unknown): number | null => (v === null || v === undefined ? null : Math.round(Number(v)));
const pct = (part: number, whole: number): number | null => (whole ? Math.round((1000 * part) / whole) / 10 : null);

export async function summaryReport(db: Db, u: SessionUser, q: ReportQuery): Promise<ReportRow[]> {
  const b: Record<string, string | number> = { entityId: u.entityId, from: q.from, to: q.to };
  const where: string[] = [];
  const shiftWhere: string[] = [];
  if (!reachesWholeEntity(u)) {
    b.reachBranch = u.branchId as number;
    where.push('t.branch_id = :reachBranch');
    shiftWhere.push('sh.branch_id = :reachBranch');
  }
  if (q.branchId) { b.branchId = q.branchId; where.push('t.branch_id = :branchId'); shiftWhere.push('sh.branch_id = :branchId'); }
  if (q.departmentId) { b.departmentId = q.departmentId; where.push('s.department_id = :departmentId'); }
  if (q.serviceId) { b.serviceId = q.serviceId; where.push('t.service_id = :serviceId'); }
  if (q.agentId) { b.agentId = q.agentId; shiftWhere.push('sh.user_id = :agentId'); }
  const and = (list: string[]) => list.map((w) => ` and ${w}`).join('');

  const ctes = `
    with t as (
      select t.id, t.branch_id, t.service_id, s.department_id, t.service_day, t.status, s.sla_target_seconds
      from tickets t join services s on s.id = t.service_id
      where t.entity_id = :entityId and t.service_day between cast(:from as date) and cast(:to as date)${and(where)}
    ),
    ch as (
      select e.ticket_id, e.seq, e.type, e.from_status, e.to_status, e.at,
        lead(e.at) over w as next_at, lead(e.to_status) over w as next_status,
        (select cast(c.details->>'agentId' as integer) from ticket_events c
          where c.ticket_id = e.ticket_id and c.type = 'called' and c.seq <= e.seq order by c.seq desc limit 1) as agent_id
      from ticket_events e
      where e.ticket_id in (select id from t) and e.to_status is distinct from e.from_status
      window w as (partition by e.ticket_id order by e.seq)
    ),
    pt as (
      select t.id, t.branch_id, t.service_id, t.department_id, t.service_day, t.status, t.sla_target_seconds,
        (array_agg(ch.agent_id order by ch.seq desc) filter (where ch.agent_id is not null))[1] as agent_id,
        sum(extract(epoch from coalesce(ch.next_at, now()) - ch.at)) filter (where ch.to_status = 'waiting') as wait_s,
        sum(extract(epoch from ch.next_at - ch.at)) filter (where ch.to_status = 'calling' and ch.next_status = 'attending') as walk_s,
        sum(extract(epoch from ch.next_at - ch.at)) filter (where ch.to_status = 'attending' and ch.next_at is not null) as service_s,
        extract(epoch from min(ch.at) filter (where ch.type = 'called') - min(ch.at) filter (where ch.to_status = 'waiting')) as first_wait_s,
        coalesce(bool_or(ch.type = 'called'), false) as was_called,
        coalesce(bool_or(ch.type = 'cancelled' and ch.from_status = 'waiting'), false) as cancelled_waiting
      from t left join ch on ch.ticket_id = t.id
      group by t.id, t.branch_id, t.service_id, t.department_id, t.service_day, t.status, t.sla_target_seconds
    ),
    busy as (
      select ch.agent_id, t.branch_id, t.service_day as day, sum(extract(epoch from coalesce(ch.next_at, now()) - ch.at)) as busy_s
      from ch join t on t.id = ch.ticket_id
      where ch.to_status in ('calling', 'attending') and ch.agent_id is not null
      group by ch.agent_id, t.branch_id, t.service_day
    ),
    -- A period that crosses the branch's midnight counts on each local day for the part it spent there.
    periods as (
      select sh.user_id as agent_id, sh.branch_id, d.day, p.state,
        extract(epoch from least(coalesce(p.ended_at, now()), (d.day + 1)::timestamp at time zone b.timezone)
          - greatest(p.started_at, d.day::timestamp at time zone b.timezone)) as secs
      from shift_state_periods p join shifts sh on sh.id = p.shift_id join branches b on b.id = sh.branch_id
      cross join lateral (
        select cast(g as date) as day from generate_series(
          cast(p.started_at at time zone b.timezone as date),
          cast(coalesce(p.ended_at, now()) at time zone b.timezone as date), interval '1 day') g
      ) d
      where b.entity_id = :entityId
        and p.started_at < (cast(:to as date) + 1)::timestamp at time zone b.timezone
        and coalesce(p.ended_at, now()) > cast(:from as date)::timestamp at time zone b.timezone
        and d.day between cast(:from as date) and cast(:to as date)${and(shiftWhere)}
    ),
    a as (
      select pr.agent_id, pr.branch_id, pr.day,
        coalesce(sum(pr.secs) filter (where pr.state = 'online'), 0) as online_s,
        coalesce(sum(pr.secs) filter (where pr.state in ('resting', 'lunch')), 0) as break_s,
        coalesce(sum(pr.secs) filter (where pr.state = 'documenting'), 0) as wrap_s
      from periods pr group by pr.agent_id, pr.branch_id, pr.day
    )`;
  const key = KEYS[q.groupBy];
  const ticketSql = `${ctes},
    k as (
      select cast(${key.ticket} as text) as key, count(*) as tickets,
        count(*) filter (where pt.status = 'finished') as served,
        avg(pt.wait_s) as avg_wait, avg(pt.walk_s) as avg_walk, avg(pt.service_s) as avg_service,
        count(*) filter (where pt.was_called) as called,
        count(*) filter (where pt.was_called and pt.first_wait_s <= pt.sla_target_seconds) as within_sla,
        count(*) filter (where pt.cancelled_waiting and not pt.was_called) as left_before_called,
        count(*) filter (where pt.status = 'no_show') as no_show,
        count(*) filter (where pt.status = 'cancelled') as cancelled
      from pt${q.agentId ? ' where pt.agent_id = :agentId' : ''}
      group by 1
    )
    select k.*, ${q.groupBy === 'day' ? 'k.key' : key.label.replace(/k\.key/g, 'cast(k.key as integer)')} as label from k order by k.key`;
  const tickets = (await db.raw(ticketSql, b)).rows as Record<string, unknown>[];

  const agentTime = new Map<string, { idle: number; brk: number; wrap: number }>();
  // Shift time belongs to no service: narrowing to a service or department leaves it out.
  const withAgentTime = key.agentTime !== null && !q.departmentId && !q.serviceId;
  if (withAgentTime) {
    const timeSql = `${ctes},
      k as (select cast(${key.agentTime} as text) as key,
        sum(greatest(a.online_s - coalesce(busy.busy_s, 0), 0)) as idle_s, sum(a.break_s) as break_s, sum(a.wrap_s) as wrap_s
      from a left join busy on busy.agent_id = a.agent_id and busy.branch_id = a.branch_id and busy.day = a.day
      group by 1)
      select k.*, ${q.groupBy === 'day' ? 'k.key' : key.label.replace(/k\.key/g, 'cast(k.key as integer)')} as label from k`;
    for (const r of (await db.raw(timeSql, b)).rows as Record<string, unknown>[]) {
      agentTime.set(String(r.key), { idle: num(r.idle_s), brk: num(r.break_s), wrap: num(r.wrap_s) });
      // Agents who served nothing still worked: their time gets a row of its own.
      if (!tickets.some((t) => String(t.key) === String(r.key))) tickets.push({ key: r.key, label: r.label, tickets: 0 });
    }
    tickets.sort((x, y) => String(x.key).localeCompare(String(y.key), undefined, { numeric: true }));
  }

  return tickets.map((r) => {
    const t = agentTime.get(String(r.key));
    const total = num(r.tickets);
    const abandoned = num(r.no_show) + num(r.cancelled);
    return {
      key: (r.key as string | null) ?? null,
      label: (r.label as string | null) ?? (q.groupBy === 'agent' ? '—' : String(r.key)),
      tickets: total, served: num(r.served),
      avgWaitSeconds: round(r.avg_wait), avgWalkSeconds: round(r.avg_walk), avgServiceSeconds: round(r.avg_service),
      called: num(r.called), withinSla: num(r.within_sla), slaPercent: pct(num(r.within_sla), num(r.called)),
      leftBeforeCalled: num(r.left_before_called), noShow: num(r.no_show), cancelled: num(r.cancelled),
      abandonmentPercent: pct(abandoned, total),
      idleSeconds: withAgentTime ? round(t?.idle ?? 0) : null,
      breakSeconds: withAgentTime ? round(t?.brk ?? 0) : null,
      wrapUpSeconds: withAgentTime ? round(t?.wrap ?? 0) : null,
    };
  });
}
