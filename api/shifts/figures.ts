// H3 per shift: time in each state, attentions, walking time (called → attending), service
// time (attending → end) and idle time (Online with no attention open), from the state periods
// and the tickets the agent called during the shift.
import type { Db } from '../../db/knex.js';
import { AGENT_STATES, type AgentState } from '../../domain/agents.js';
import type { ShiftFigures } from '../../domain/contracts/shifts.js';
import type { ShiftRow } from '../../db/shifts/row.js';
import type { TicketStatus } from '../../domain/tickets.js';

const ms = (v: Date | null): number | null => (v ? v.getTime() : null);
const sec = (n: number) => Math.round(n / 100) / 10;
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
  const tickets: { called_at: Date; attending_at: Date | null; ended_at: Date | null; status: TicketStatus }[] =
    await db('tickets')
      .where({ agent_id: shift.user_id })
      .where('called_at', '>=', shift.started_at)
      .where('called_at', '<=', new Date(to))
      .select('called_at', 'attending_at', 'ended_at', 'status');
  let walking = 0,
    walked = 0,
    service = 0,
    served = 0,
    busyOnline = 0;
  for (const t of tickets) {
    const called = t.called_at.getTime();
    const attending = ms(t.attending_at);
    const ended = ms(t.ended_at);
    if (attending !== null) {
      walking += attending - called;
      walked++;
    }
    if (attending !== null && ended !== null && t.status === 'finished') {
      service += ended - attending;
      served++;
    }
    const open: Span = [called, ended ?? to];
    for (const o of online) busyOnline += overlap(open, o);
  }
  for (const k of AGENT_STATES) secondsInState[k] = Math.round(secondsInState[k] * 10) / 10;
  const onlineMs = online.reduce((n, [a, b]) => n + (b - a), 0);
  return {
    shiftId,
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    secondsInState,
    attentions: walked,
    finished: served,
    walkingSeconds: { total: sec(walking), average: walked ? sec(walking / walked) : null },
    serviceSeconds: { total: sec(service), average: served ? sec(service / served) : null },
    idleSeconds: sec(Math.max(0, onlineMs - busyOnline)),
  };
}
