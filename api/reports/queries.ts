// H3: the report's scope (the user's reach and the asked narrowing) and its rows, from the sums
// db/reports/summary.ts reads (rollups for rolled days, the raw timeline for the rest).
import type { Db } from '../../db/knex.js';
import { readSummary } from '../../db/reports/summary.js';
import type { SessionUser } from '../auth/sessions.js';
import { branchesOf } from '../http/reach.js';
import type { HourQuery, ReportQuery, TopicQuery, TrendQuery } from './schemas.js';
import type { HourReportCell, ReportRow, TopicReportRow } from '../../domain/contracts/resources.js';
import { readHourSums, readTopicSums } from '../../db/reports/breakdowns.js';
import type { Sums, SummaryScope } from '../../db/reports/summary.js';
import { periodOf, periodsBetween } from '../../domain/report-periods.js';
import { slaPercent } from '../../domain/sla.js';
import { ABANDONED_OUTCOMES } from '../../domain/report-outcomes.js';

const num = (v: unknown): number => Number(v ?? 0);
const round = (v: unknown): number | null => (v === null || v === undefined ? null : Math.round(Number(v)));
const pct = (part: number, whole: number): number | null => (whole ? Math.round((1000 * part) / whole) / 10 : null);
const avg = (sum: unknown, n: unknown): number | null => (num(n) ? Math.round(num(sum) / num(n)) : null);

/** The branches the user reaches (narrowed to the asked one), the range and the narrowing. */
async function scopeOf(db: Db, u: SessionUser, q: TopicQuery): Promise<SummaryScope> {
  const reach = branchesOf(db, u);
  if (q.branchId) reach.where('id', q.branchId);
  const branchIds = ((await reach.orderBy('id')) as { id: number }[]).map((b) => b.id);
  const filter = { serviceId: q.serviceId, departmentId: q.departmentId, agentId: q.agentId };
  return { branchIds, from: q.from, to: q.to, filter };
}

export async function summaryReport(db: Db, u: SessionUser, q: ReportQuery): Promise<ReportRow[]> {
  const { tickets, agentTime } = await readSummary(db, await scopeOf(db, u, q), q.groupBy);
  return rowsOf(tickets, agentTime, q.groupBy === 'agent' ? '—' : null);
}

/**
 * Issue 19: the figures per service day or ISO week — the summary per day (rollups and today's
 * live part) folded into periods as sums, so every average and percentage is exact per period.
 */
export async function trendReport(db: Db, u: SessionUser, q: TrendQuery): Promise<ReportRow[]> {
  const { tickets, agentTime } = await readSummary(db, await scopeOf(db, u, q), 'day');
  const periods = periodsBetween(q.from, q.to, q.grain);
  const fold = (rows: Sums[], all: boolean): Sums[] => {
    const by = new Map<string, Sums>(all ? periods.map((p) => [p.key, { ...p }]) : []);
    for (const r of rows) {
      const p = periodOf(String(r.key), q.grain);
      const sum = by.get(p.key) ?? { ...p };
      for (const [k, v] of Object.entries(r)) if (k !== 'key' && k !== 'label') sum[k] = num(sum[k]) + num(v);
      by.set(p.key, sum);
    }
    return [...by.values()];
  };
  return rowsOf(fold(tickets, true), agentTime && fold(agentTime, false), null);
}

/** Report rows from the sums per group key (and agents' time per key, when the grouping has it). */
function rowsOf(tickets: Sums[], time: Sums[] | null, noLabel: string | null): ReportRow[] {
  const agentTime = new Map<string, { idle: number; brk: number; wrap: number; busy: number; online: number }>();
  const withAgentTime = time !== null;
  for (const r of time ?? []) {
    agentTime.set(String(r.key), {
      idle: num(r.idle_s),
      brk: num(r.break_s),
      wrap: num(r.wrap_s),
      busy: num(r.busy_s),
      online: num(r.online_s),
    });
    // Agents who served nothing still worked: their time gets a row of its own.
    if (!tickets.some((t) => String(t.key) === String(r.key))) tickets.push({ key: r.key, label: r.label, tickets: 0 });
  }
  if (withAgentTime) tickets.sort((x, y) => String(x.key).localeCompare(String(y.key), undefined, { numeric: true }));

  return tickets.map((r) => {
    const t = agentTime.get(String(r.key));
    const total = num(r.tickets);
    const abandoned = ABANDONED_OUTCOMES.reduce((n, o) => n + num(r[o]), 0);
    return {
      key: (r.key as string | null) ?? null,
      label: (r.label as string | null) ?? noLabel ?? String(r.key),
      tickets: total,
      served: num(r.served),
      avgWaitSeconds: avg(r.wait_sum, r.wait_n),
      avgWalkSeconds: avg(r.walk_sum, r.walk_n),
      avgServiceSeconds: avg(r.service_sum, r.service_n),
      called: num(r.called),
      withinSla: num(r.within_sla),
      waitingOverSla: num(r.waiting_over_sla),
      // The monitor's definition: a customer still waiting past the target is a miss already.
      slaPercent: slaPercent(num(r.within_sla), num(r.called), num(r.waiting_over_sla)),
      leftBeforeCalled: num(r.left_before_called),
      noShow: num(r.no_show),
      noShowTimeout: num(r.no_show_timeout),
      noShowMarked: num(r.no_show_marked),
      missedAppointment: num(r.missed_appointment),
      cancelled: num(r.cancelled),
      cancelledByStaff: num(r.cancelled_staff),
      abandonmentPercent: pct(abandoned, total),
      // Logged in less breaks: online and wrap-up (resting and lunch are the breaks).
      occupancyPercent: withAgentTime && t ? pct(t.busy, t.online + t.wrap) : null,
      idleSeconds: withAgentTime ? round(t?.idle ?? 0) : null,
      breakSeconds: withAgentTime ? round(t?.brk ?? 0) : null,
      wrapUpSeconds: withAgentTime ? round(t?.wrap ?? 0) : null,
    };
  });
}

/** Issue 19: per topic and service. */
export async function topicReport(db: Db, u: SessionUser, q: TopicQuery): Promise<TopicReportRow[]> {
  return (await readTopicSums(db, await scopeOf(db, u, q))).map((r) => ({
    topicId: num(r.topic_id),
    topic: String(r.topic),
    serviceId: num(r.service_id),
    service: String(r.service),
    tickets: num(r.tickets),
    served: num(r.served),
    avgServiceSeconds: avg(r.service_sum, r.service_n),
  }));
}

/** Issue 19: the heat map's cells with arrivals, per weekday and hour. */
export async function hourReport(db: Db, u: SessionUser, q: HourQuery): Promise<HourReportCell[]> {
  return (await readHourSums(db, await scopeOf(db, u, q))).map((r) => ({
    weekday: num(r.weekday),
    hour: num(r.hour),
    tickets: num(r.tickets),
    avgWaitSeconds: avg(r.wait_sum, r.wait_n),
    called: num(r.called),
    withinSla: num(r.within_sla),
    leftBeforeCalled: num(r.left_before_called),
  }));
}
