// H3 per shift: time in each state, attentions, walking time (called → attending), service
// time (attending → end) and idle time (Online with no attention open), from the state periods
// and the tickets the agent called during the shift; walking and service with the reports' SQL.
import type { Db } from '../../db/knex.js';
import { AGENT_STATES, type AgentState } from '../../domain/agents.js';
import type { ShiftFigures } from '../../domain/contracts/shifts.js';
import type { ShiftRow } from '../../db/shifts/row.js';
import { pgArray } from '../../db/reports/facts.js';
import { shiftTicketSumsSql } from '../../db/reports/sums.js';

const ms = (v: Date | null): number | null => (v ? v.getTime() : null);
const sec = (n: number) => Math.round(n / 100) / 10;
const round1 = (seconds: number) => Math.round(seconds * 10) / 10;
const DAY_MS = 86_400_000;

/** UTC dates from the day before `from` to the day after `to`: any time zone's service days of the shift. */
function daysAround(from: number, to: number): string[] {
  const days: string[] = [];
  for (let d = Date.parse(new Date(from - DAY_MS).toISOString().slice(0, 10)); d <= to + DAY_MS; d += DAY_MS)
    days.push(new Date(d).toISOString().slice(0, 10));
  return days;
}

/** Walking and service sums of the tickets the agent last called between `from` and `to`. */
async function shiftTicketSums(db: Db, agentId: number, from: number, to: number) {
  const { rows } = await db.raw<{ rows: Record<string, string | number>[] }>(shiftTicketSumsSql(), {
    agentId,
    from: new Date(from),
    to: new Date(to),
    days: pgArray(daysAround(from, to)),
  });
  const r = rows[0] ?? {};
  return {
    walkN: Number(r.walk_n ?? 0),
    walkSum: Number(r.walk_sum ?? 0),
    serviceN: Number(r.service_n ?? 0),
    serviceSum: Number(r.service_sum ?? 0),
  };
}

type Span = [number, number];
const overlap = (a: Span, b: Span) => Math.max(0, Math.min(a[1], b[1]) - Math.max(a[0], b[0]));

export async function shiftFigures(db: Db, shiftId: string, nowMs = Date.now()): Promise<ShiftFigures | undefined> {
  const shift: ShiftRow | undefined = await db('shifts').where({ id: shiftId }).first();
  if (!shift) return undefined;
  const from = shift.started_at.getTime();
  const to = ms(shift.ended_at) ?? nowMs;
  const periods: { state: AgentState; started_at: Date; ended_at: Date | null }[] = await db('shift_state_periods')
    .where({ shift_id: shiftId })
    .orderBy('seq');
  const secondsInState = Object.fromEntries(AGENT_STATES.map((s) => [s, 0])) as Record<AgentState, number>;
  const online: Span[] = [];
  for (const p of periods) {
    const span: Span = [p.started_at.getTime(), ms(p.ended_at) ?? to];
    secondsInState[p.state] += (span[1] - span[0]) / 1000;
    if (p.state === 'online') online.push(span);
  }
  // Busy: from each call to its end, within the Online periods (idle is Online time without one).
  const tickets: { called_at: Date; ended_at: Date | null }[] = await db('tickets')
    .where({ agent_id: shift.user_id })
    .where('called_at', '>=', shift.started_at)
    .where('called_at', '<=', new Date(to))
    .select('called_at', 'ended_at');
  let busyOnline = 0;
  for (const t of tickets) {
    const open: Span = [t.called_at.getTime(), ms(t.ended_at) ?? to];
    for (const o of online) busyOnline += overlap(open, o);
  }
  // Walking and service time as the reports count them (issue 18: one model, db/reports/sums.ts).
  const sums = await shiftTicketSums(db, shift.user_id, from, to);
  for (const k of AGENT_STATES) secondsInState[k] = Math.round(secondsInState[k] * 10) / 10;
  const onlineMs = online.reduce((n, [a, b]) => n + (b - a), 0);
  return {
    shiftId,
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    secondsInState,
    attentions: sums.walkN,
    finished: sums.serviceN,
    walkingSeconds: { total: round1(sums.walkSum), average: sums.walkN ? round1(sums.walkSum / sums.walkN) : null },
    serviceSeconds: {
      total: round1(sums.serviceSum),
      average: sums.serviceN ? round1(sums.serviceSum / sums.serviceN) : null,
    },
    idleSeconds: sec(Math.max(0, onlineMs - busyOnline)),
  };
}
