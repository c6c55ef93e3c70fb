// H3 per shift: time in each state, attentions, walking time (called → attending), service
// time (attending → end) and idle time (Online with no attention open), from the state periods
// and the tickets the agent called during the shift.
import type { Db } from '../../db/knex.js';
import { AGENT_STATES, type AgentState } from '../../domain/agents.js';

export interface ShiftFigures {
  shiftId: string; from: string; to: string;
  secondsInState: Record<AgentState, number>;
  attentions: number; finished: number;
  walkingSeconds: { total: number; average: number | null };
  serviceSeconds: { total: number; average: number | null };
  idleSeconds: number;
}

const ms = (v: unknown): number | null => (v instanceof Date ? v.getTime() : v ? Date.parse(String(v)) : null);
const sec = (n: number) => Math.round(n / 100) / 10;
type Span = [number, number];
const overlap = (a: Span, b: Span) => Math.max(0, Math.min(a[1], b[1]) - Math.max(a[0], b[0]));

export async function shiftFigures(db: Db, shiftId: string, nowMs = Date.now()): Promise<ShiftFigures | undefined> {
  const shift = await db('shifts').where({ id: shiftId }).first();
  if (!shift) return undefined;
  const from = ms(shift.started_at) as number;
  const to = ms(shift.ended_at) ?? nowMs;
  const periods = (await db('shift_state_periods').where({ shift_id: shiftId }).orderBy('seq')) as Record<string, unknown>[];
  const secondsInState = Object.fromEntries(AGENT_STATES.map((s) => [s, 0])) as Record<AgentState, number>;
  const online: Span[] = [];
  for (const p of periods) {
    const span: Span = [ms(p.started_at) as number, ms(p.ended_at) ?? to];
    secondsInState[p.state as AgentState] += (span[1] - span[0]) / 1000;
    if (p.state === 'online') online.push(span);
  }
  const tickets = (await db('tickets').where({ agent_id: shift.user_id }).where('called_at', '>=', shift.started_at)
    .where('called_at', '<=', new Date(to)).select('called_at', 'attending_at', 'ended_at', 'status')) as Record<string, unknown>[];
  let walking = 0, walked = 0, service = 0, served = 0, busyOnline = 0;
  for (const t of tickets) {
    const called = ms(t.called_at) as number;
    const attending = ms(t.attending_at);
    const ended = ms(t.ended_at);
    if (attending !== null) { walking += attending - called; walked++; }
    if (attending !== null && ended !== null && t.status === 'finished') { service += ended - attending; served++; }
    const open: Span = [called, ended ?? to];
    for (const o of online) busyOnline += overlap(open, o);
  }
  for (const k of AGENT_STATES) secondsInState[k] = Math.round(secondsInState[k] * 10) / 10;
  const onlineMs = online.reduce((n, [a, b]) => n + (b - a), 0);
  return {
    shiftId, from: new Date(from).toISOString(), to: new Date(to).toISOString(), secondsInState,
    attentions: walked, finished: served,
    walkingSeconds: { total: sec(walking), average: walked ? sec(walking / walked) : null },
    serviceSeconds: { total: sec(service), average: served ? sec(service / served) : null },
    idleSeconds: sec(Math.max(0, onlineMs - busyOnline)),
  };
}
