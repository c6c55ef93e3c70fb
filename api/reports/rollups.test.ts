// Issue 18: reports read daily rollups for finished days and the raw timeline for the rest. The
// rollups must agree with the raw figures, including a day corrected after it was rolled (a
// ticket still waiting at midnight, cancelled the next morning).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLLUP_VERSION, rollPending } from '../../db/reports/rollup.js';
import { livePairs } from '../../db/reports/summary.js';
import { backfillOutcomes } from '../../db/migrations/20261205_046_report_outcomes.js';
import { GROUP_BYS, type ReportRow } from '../../domain/contracts/resources.js';
import { createAppStack, type AppStack, type ApiClient } from '../../tests/support/app-stack.js';

let app: AppStack;
let sup: ApiClient;
let centro: number;
let entity: number;
let serviceC: number;
let sla: number;
let ana: number;
let bruno: number;
let supervisor: number;
const TZ = 'America/Bogota';
const localDay = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toLocaleDateString('en-CA', { timeZone: TZ });
const [d2, d1, today] = [localDay(-2), localDay(-1), localDay(0)];

interface Step {
  type: string;
  from: string | null;
  to: string;
  at: string;
  agentId?: number;
  /** Who took the step (the timeline's actor_type; a system step by default) and why. */
  actor?: 'user' | 'customer' | 'system';
  actorId?: number;
  reason?: string;
}
let seq = 0;
/** A ticket of `day` with its timeline; times are local `HH:MM` of `day` (or `+1 HH:MM`, the next day). */
async function ticket(day: string, steps: Step[]): Promise<string> {
  const id = randomUUID();
  const at = (t: string) =>
    app.db.raw(`(cast(? as date) + cast(? as integer) + cast(? as time)) at time zone '${TZ}'`, [
      day,
      t.startsWith('+1') ? 1 : 0,
      t.replace('+1 ', ''),
    ]);
  seq++;
  const last = steps[steps.length - 1]!;
  await app.db('tickets').insert({
    id,
    entity_id: entity,
    branch_id: centro,
    service_id: serviceC,
    numbered_service_id: serviceC,
    kind: 'turn',
    status: last.to,
    service_day: day,
    seq,
    number: `C-${900 + seq}`,
    arrival_at: at(steps[0]!.at),
    workflow_id: `ticket-${id}`,
    last_event_seq: steps.length,
  });
  await app.db('ticket_events').insert(
    steps.map((s, i) => ({
      ticket_id: id,
      service_day: day,
      seq: i + 1,
      type: s.type,
      from_status: s.from,
      to_status: s.to,
      actor_type: s.actor ?? 'system',
      actor_id: s.actorId ?? null,
      at: at(s.at),
      details: JSON.stringify({
        ...(s.agentId ? { agentId: s.agentId } : {}),
        ...(s.reason ? { reason: s.reason } : {}),
      }),
    })),
  );
  return id;
}
const served = (q: string, c: string, a: string, f: string, agentId: number): Step[] => [
  { type: 'created', from: null, to: 'waiting', at: q },
  { type: 'called', from: 'waiting', to: 'calling', at: c, agentId },
  { type: 'attending', from: 'calling', to: 'attending', at: a },
  { type: 'finished', from: 'attending', to: 'finished', at: f },
];

const report = async (groupBy: string, from = d2, to = d1, extra = '') =>
  (await sup.request('GET', `/api/reports/summary?from=${from}&to=${to}&groupBy=${groupBy}${extra}`)).body
    .rows as ReportRow[];
const everyReport = async () =>
  Object.fromEntries(await Promise.all(GROUP_BYS.map(async (g) => [g, await report(g, d2, today)] as const)));
const rowOf = (rows: ReportRow[], key: number | string) => rows.find((r) => r.key === String(key));
type Reports = Awaited<ReturnType<typeof everyReport>>;
/**
 * The same reports, figure by figure. A customer still waiting makes the average wait grow with
 * the clock between two reads, so that one figure is compared within a minute; the rest exactly.
 */
function expectSameReports(actual: Reports, expected: Reports): void {
  const withoutWait = (r: Reports) =>
    Object.fromEntries(Object.entries(r).map(([g, rows]) => [g, rows.map(({ avgWaitSeconds: _, ...rest }) => rest)]));
  expect(withoutWait(actual)).toEqual(withoutWait(expected));
  for (const [g, rows] of Object.entries(expected)) {
    rows.forEach((row, i) => {
      const got = actual[g]![i]!.avgWaitSeconds;
      if (row.avgWaitSeconds === null) expect(got).toBeNull();
      else expect(Math.abs((got ?? Infinity) - row.avgWaitSeconds)).toBeLessThanOrEqual(60);
    });
  }
}

let waitingAtMidnight: string;

beforeAll(async () => {
  app = await createAppStack();
  sup = await app.login('supervisor@andino.demo');
  const c = await app.db('branches').where({ code: 'CEN' }).first('id', 'entity_id');
  [centro, entity] = [c.id, c.entity_id];
  const s = await app.db('services').where({ branch_id: centro, label: 'C' }).first('id', 'sla_target_seconds');
  [serviceC, sla] = [s.id, s.sla_target_seconds];
  ana = (await app.db('users').where({ email: 'ana@andino.demo' }).first('id')).id;
  bruno = (await app.db('users').where({ email: 'bruno@andino.demo' }).first('id')).id;
  supervisor = (await app.db('users').where({ email: 'supervisor@andino.demo' }).first('id')).id;
  // Two days ago: one served (waited 5 min), one left while waiting (10 min), one no-show.
  await ticket(d2, served('09:00', '09:05', '09:06', '09:20', ana));
  await ticket(d2, [
    { type: 'created', from: null, to: 'waiting', at: '10:00' },
    { type: 'cancelled', from: 'waiting', to: 'cancelled', at: '10:10', actor: 'customer', reason: 'left_queue' },
  ]);
  await ticket(d2, [
    { type: 'created', from: null, to: 'waiting', at: '11:00' },
    { type: 'called', from: 'waiting', to: 'calling', at: '11:02', agentId: ana },
    { type: 'no_show', from: 'calling', to: 'no_show', at: '11:07' },
  ]);
  // Yesterday: one served by Bruno after half an hour, one still waiting when the day ended.
  await ticket(d1, served('09:00', '09:30', '09:31', '09:41', bruno));
  waitingAtMidnight = await ticket(d1, [{ type: 'created', from: null, to: 'waiting', at: '17:00' }]);
  // Ana was online four hours yesterday and served nobody: all idle.
  const shiftId = randomUUID();
  const desk = (await app.db('desks').where({ branch_id: centro }).orderBy('id').first('id')).id;
  const at = (t: string) => app.db.raw(`(cast(? as date) + cast(? as time)) at time zone '${TZ}'`, [d1, t]);
  await app.db('shifts').insert({
    id: shiftId,
    user_id: ana,
    branch_id: centro,
    desk_id: desk,
    state: 'offline',
    state_since: at('12:00'),
    started_at: at('08:00'),
    ended_at: at('12:00'),
    workflow_id: `shift-${ana}-${shiftId}`,
  });
  await app
    .db('shift_state_periods')
    .insert({ shift_id: shiftId, seq: 1, state: 'online', started_at: at('08:00'), ended_at: at('12:00') });
});
afterAll(() => app?.closeAll());

describe('issue 18: report rollups', () => {
  it('figures from the raw timeline, before any rollup (independently worked out)', async () => {
    const byService = rowOf(await report('service', d2, d2), serviceC)!;
    expect(byService).toMatchObject({
      tickets: 3,
      served: 1,
      called: 2,
      noShow: 1,
      noShowTimeout: 1,
      cancelled: 1,
      leftBeforeCalled: 1,
      cancelledByStaff: 0,
      avgWaitSeconds: Math.round((300 + 600 + 120) / 3),
      avgWalkSeconds: 60,
      avgServiceSeconds: 840,
    });
    expect(byService.withinSla).toBe([300, 120].filter((w) => w <= sla).length);
    expect(rowOf(await report('agent', d1, d1, `&agentId=${ana}`), ana)).toMatchObject({
      tickets: 0,
      idleSeconds: 4 * 3600,
    });
  });

  it('a rolled range answers exactly as the raw timeline did; a day with a customer still waiting stays live', async () => {
    const raw = await everyReport();
    await rollPending(app.db);
    const days = await app
      .db('report_days')
      .where({ branch_id: centro })
      .select(app.db.raw(`to_char(day, 'YYYY-MM-DD') as day`), 'dirty')
      .orderBy('day');
    expect(days).toEqual([
      { day: d2, dirty: false },
      { day: d1, dirty: true },
    ]);
    expect(
      await app.db('report_service_days').where({ branch_id: centro, day: d2 }).sum('tickets as n').first(),
    ).toEqual({ n: 3 });
    expectSameReports(await everyReport(), raw);
  });

  it('a day corrected after it was rolled: the late cancellation shows at once, and again once rolled', async () => {
    const at = app.db.raw(`(cast(? as date) + 1 + cast('00:30' as time)) at time zone '${TZ}'`, [d1]);
    await app.db('ticket_events').insert({
      ticket_id: waitingAtMidnight,
      service_day: d1,
      seq: 2,
      type: 'cancelled',
      from_status: 'waiting',
      to_status: 'cancelled',
      // The supervisor cancels it (issue 19: staff's doing, not a customer who left).
      actor_type: 'user',
      actor_id: supervisor,
      at,
      details: JSON.stringify({ reason: 'cierre' }),
    });
    await app
      .db('tickets')
      .where({ id: waitingAtMidnight })
      .update({ status: 'cancelled', ended_at: at, last_event_seq: 2 });
    const corrected = rowOf(await report('day', d1, d1), d1)!;
    expect(corrected).toMatchObject({
      tickets: 2,
      served: 1,
      cancelled: 1,
      cancelledByStaff: 1,
      leftBeforeCalled: 0,
      abandonmentPercent: 0,
      avgWaitSeconds: Math.round((1800 + 7.5 * 3600) / 2),
    });
    const raw = await everyReport();
    expect((await rollPending(app.db)).rolled).toBe(1); // only the dirty day
    expect(await app.db('report_days').where({ branch_id: centro, day: d1 }).first('dirty')).toEqual({ dirty: false });
    expectSameReports(await everyReport(), raw);
    expect((await rollPending(app.db)).rolled).toBe(0); // nothing left: the job is idempotent and finds no work
  });

  it('the heat map and topic grains: arrivals and waits per hour of arrival, tickets and service time per topic', async () => {
    // The served ticket of two days ago (09:00, called 09:05, attending 09:06, finished 09:20) had a topic.
    const servedD2 = await app
      .db('tickets')
      .where({ branch_id: centro, service_day: d2, status: 'finished' })
      .first('id');
    const topic = (await app.db('topics').where({ service_id: serviceC }).orderBy('id').first('id')).id;
    await app.db('ticket_topics').insert({ ticket_id: servedD2.id, topic_id: topic });
    await app.db('report_days').where({ branch_id: centro, day: d2 }).update({ dirty: true });
    expect((await rollPending(app.db)).rolled).toBe(1);
    const hours = await app
      .db('report_service_hours')
      .where({ branch_id: centro, day: d2 })
      .orderBy('hour')
      .select('hour', 'service_id', 'tickets', 'wait_sum', 'wait_n', 'called', 'within_sla', 'left_before_called');
    expect(hours).toEqual([
      {
        hour: 9,
        service_id: serviceC,
        tickets: 1,
        wait_sum: 300,
        wait_n: 1,
        called: 1,
        within_sla: Number(300 <= sla),
        left_before_called: 0,
      },
      {
        hour: 10,
        service_id: serviceC,
        tickets: 1,
        wait_sum: 600,
        wait_n: 1,
        called: 0,
        within_sla: 0,
        left_before_called: 1,
      },
      {
        hour: 11,
        service_id: serviceC,
        tickets: 1,
        wait_sum: 120,
        wait_n: 1,
        called: 1,
        within_sla: Number(120 <= sla),
        left_before_called: 0,
      },
    ]);
    expect(
      await app
        .db('report_topic_days')
        .where({ branch_id: centro, day: d2 })
        .select('topic_id', 'service_id', 'agent_id', 'tickets', 'served', 'service_sum', 'service_n'),
    ).toEqual([
      { topic_id: topic, service_id: serviceC, agent_id: ana, tickets: 1, served: 1, service_sum: 840, service_n: 1 },
    ]);
  });

  it('history older than the last rolled day (an import, a restore) is rolled too', async () => {
    const d10 = localDay(-10);
    await ticket(d10, served('09:00', '09:04', '09:05', '09:15', ana));
    await rollPending(app.db);
    expect(await app.db('report_days').where({ branch_id: centro, day: d10 }).first('dirty')).toEqual({ dirty: false });
    expect(
      await app.db('report_service_days').where({ branch_id: centro, day: d10 }).sum('tickets as n').first(),
    ).toEqual({ n: 1 });
  });

  it('narrowing by service, department and agent reads the rollups the same way', async () => {
    for (const extra of [`&serviceId=${serviceC}`, `&agentId=${bruno}`, `&branchId=${centro}`]) {
      const rows = await report('service', d2, d1, extra);
      expect(rows.reduce((n, r) => n + r.tickets, 0)).toBe(extra.includes('agentId') ? 1 : 5);
    }
  });
});

describe('issue 19: outcomes split by who ended the ticket', () => {
  // Days no earlier test touched (older than every other day here): never rolled before.
  const [d13, d12] = [localDay(-13), localDay(-12)];
  const wait = (at: string): Step => ({ type: 'created', from: null, to: 'waiting', at });
  const call = (at: string, agentId: number): Step => ({ type: 'called', from: 'waiting', to: 'calling', at, agentId });
  const byCustomer = (at: string): Step => ({
    type: 'cancelled',
    from: 'waiting',
    to: 'cancelled',
    at,
    actor: 'customer',
    reason: 'left_queue',
  });
  const byStaff = (at: string, from: string, actorId: number): Step => ({
    type: 'cancelled',
    from,
    to: 'cancelled',
    at,
    actor: 'user',
    actorId,
    reason: 'duplicado',
  });
  /** The scripted days, and by hand what each ticket's end is (the expected figures are counted from these). */
  const script = (): { day: string; expect: string; steps: Step[] }[] => [
    { day: d13, expect: 'served', steps: served('08:00', '08:03', '08:04', '08:10', ana) },
    { day: d13, expect: 'served', steps: served('08:05', '08:20', '08:21', '08:30', bruno) },
    { day: d13, expect: 'left', steps: [wait('08:10'), byCustomer('08:40')] },
    // Called once, timed out back to the queue, then left: still the customer's doing.
    {
      day: d13,
      expect: 'left',
      steps: [
        wait('08:15'),
        call('08:30', ana),
        { type: 'requeued', from: 'calling', to: 'waiting', at: '08:32', reason: 'no_answer' },
        byCustomer('08:50'),
      ],
    },
    { day: d13, expect: 'staff', steps: [wait('09:00'), byStaff('09:05', 'waiting', supervisor)] },
    { day: d13, expect: 'staff', steps: [wait('09:10'), call('09:12', ana), byStaff('09:13', 'calling', ana)] },
    {
      day: d13,
      expect: 'timeout',
      steps: [
        wait('09:20'),
        call('09:25', ana),
        { type: 'requeued', from: 'calling', to: 'waiting', at: '09:27', reason: 'no_answer' },
        call('09:30', bruno),
        { type: 'no_show', from: 'calling', to: 'no_show', at: '09:32' },
      ],
    },
    {
      day: d13,
      expect: 'marked',
      steps: [
        wait('10:00'),
        call('10:01', bruno),
        { type: 'no_show', from: 'calling', to: 'no_show', at: '10:03', actor: 'user', actorId: bruno },
      ],
    },
    {
      day: d13,
      expect: 'missed',
      steps: [
        { type: 'scheduled', from: null, to: 'scheduled', at: '07:00' },
        { type: 'no_show', from: 'scheduled', to: 'no_show', at: '11:15', reason: 'not_checked_in' },
      ],
    },
    { day: d13, expect: 'open', steps: [wait('17:30')] }, // cancelled by the supervisor the next morning
    { day: d12, expect: 'served', steps: served('09:00', '09:02', '09:03', '09:09', ana) },
    { day: d12, expect: 'left', steps: [wait('09:05'), byCustomer('09:06')] },
    { day: d12, expect: 'staff', steps: [wait('09:10'), byStaff('09:11', 'waiting', supervisor)] },
    {
      day: d12,
      expect: 'timeout',
      steps: [wait('09:15'), call('09:16', ana), { type: 'no_show', from: 'calling', to: 'no_show', at: '09:18' }],
    },
  ];
  /** The split a day's report must show, counted from the script (`open`: how the still-open ticket ended). */
  const expected = (day: string, open: string) => {
    const ends = script()
      .filter((t) => t.day === day)
      .map((t) => (t.expect === 'open' ? open : t.expect));
    const n = (e: string) => ends.filter((x) => x === e).length;
    const abandoned = n('left') + n('timeout') + n('marked');
    return {
      key: day,
      tickets: ends.length,
      served: n('served'),
      leftBeforeCalled: n('left'),
      cancelledByStaff: n('staff'),
      cancelled: n('left') + n('staff'),
      noShowTimeout: n('timeout'),
      noShowMarked: n('marked'),
      missedAppointment: n('missed'),
      noShow: n('timeout') + n('marked') + n('missed'),
      abandonmentPercent: Math.round((1000 * abandoned) / ends.length) / 10,
    };
  };
  const split = async () => {
    const rows = await report('day', d13, d12);
    return [d13, d12].map((d) => {
      const r = rowOf(rows, d)!;
      return Object.fromEntries(Object.keys(expected(d, 'open')).map((k) => [k, r[k as keyof ReportRow]]));
    });
  };
  let lateOne: string;

  it('live from the timeline: each ended ticket counted once, by who ended it', async () => {
    for (const t of script()) {
      const id = await ticket(t.day, t.steps);
      if (t.expect === 'open') lateOne = id;
    }
    const got = await split();
    expect(got).toEqual([expected(d13, 'open'), expected(d12, 'open')]);
    // Worked out by hand too, for the busier day: 10 tickets, 4 abandoned (2 left, 2 no-shows).
    expect(got[0]).toMatchObject({ served: 2, leftBeforeCalled: 2, cancelledByStaff: 2, missedAppointment: 1 });
    expect(got[0]!.abandonmentPercent).toBe(40);
  });

  it('the rollups hold the same split, and a late staff cancellation moves it once rolled again', async () => {
    const raw = await everyReport();
    await rollPending(app.db);
    expect(await app.db('report_days').where({ branch_id: centro, day: d13 }).first('dirty')).toEqual({ dirty: true });
    expect(await app.db('report_days').where({ branch_id: centro, day: d12 }).first('dirty')).toEqual({ dirty: false });
    const sums = async (day: string) =>
      app
        .db('report_service_days')
        .where({ branch_id: centro, day })
        .first(
          ...['no_show_timeout', 'no_show_marked', 'missed_appointment', 'cancelled_staff', 'left_before_called'].map(
            (c) => app.db.raw(`cast(sum(${c}) as integer) as ${c}`),
          ),
        );
    expect(await sums(d12)).toEqual({
      no_show_timeout: 1,
      no_show_marked: 0,
      missed_appointment: 0,
      cancelled_staff: 1,
      left_before_called: 1,
    });
    expect(await split()).toEqual([expected(d13, 'open'), expected(d12, 'open')]);
    expectSameReports(await everyReport(), raw);

    // The ticket still waiting when d13 ended: the supervisor cancels it the next morning.
    const at = app.db.raw(`(cast(? as date) + 1 + cast('08:00' as time)) at time zone '${TZ}'`, [d13]);
    await app.db('ticket_events').insert({
      ticket_id: lateOne,
      service_day: d13,
      seq: 2,
      type: 'cancelled',
      from_status: 'waiting',
      to_status: 'cancelled',
      actor_type: 'user',
      actor_id: supervisor,
      at,
      details: JSON.stringify({ reason: 'cierre' }),
    });
    await app.db('tickets').where({ id: lateOne }).update({ status: 'cancelled', ended_at: at, last_event_seq: 2 });
    const corrected = [expected(d13, 'staff'), expected(d12, 'open')];
    expect(corrected[0]).toMatchObject({ tickets: 10, cancelledByStaff: 3, abandonmentPercent: 40 });
    expect(await split()).toEqual(corrected);
    await rollPending(app.db);
    expect(await app.db('report_days').where({ branch_id: centro, day: d13 }).first('dirty')).toEqual({ dirty: false });
    expect(await sums(d13)).toEqual({
      no_show_timeout: 1,
      no_show_marked: 1,
      missed_appointment: 1,
      cancelled_staff: 3,
      left_before_called: 2,
    });
    expect(await split()).toEqual(corrected);
    // The stored facts name the same ends: a rebuild from them or from the timeline agrees.
    expect(await app.db('ticket_facts').where({ ticket_id: lateOne }).first('outcome')).toEqual({
      outcome: 'cancelled_staff',
    });
  });

  it('migration 046 gives the facts stored before it the outcome the timeline gives', async () => {
    const stored = () =>
      app.db('ticket_facts').whereIn('service_day', [d13, d12]).orderBy('ticket_id').select('ticket_id', 'outcome');
    const before = await stored();
    expect(new Set(before.map((f) => f.outcome))).toEqual(
      new Set([
        'served',
        'left_before_called',
        'cancelled_staff',
        'no_show_timeout',
        'no_show_marked',
        'missed_appointment',
      ]),
    );
    await app.db('ticket_facts').whereIn('service_day', [d13, d12]).update({ outcome: null });
    await backfillOutcomes(app.db);
    expect(await stored()).toEqual(before);
  });

  it('a day rolled before the split (an older ROLLUP_VERSION) is read live until rolled again', async () => {
    const settled = await split();
    // As migration 046 leaves a day rolled by the old job: no split counts, and an older version.
    await app.db('report_days').where({ branch_id: centro, day: d12 }).update({ version: 2 });
    await app
      .db('report_service_days')
      .where({ branch_id: centro, day: d12 })
      .update({ no_show_timeout: 0, cancelled_staff: 0, left_before_called: 0 });
    expect(await split()).toEqual(settled);
    expect((await rollPending(app.db)).rolled).toBe(1);
    expect(await app.db('report_days').where({ branch_id: centro, day: d12 }).first('version')).toEqual({
      version: ROLLUP_VERSION,
    });
    expect(await split()).toEqual(settled);
  });
});

describe('a range reaching before anything happened', () => {
  it('reads no day before the branch could hold one, rolled or live (a year of a new branch was computed live)', async () => {
    const from = localDay(-365);
    const [{ first }] = (
      await app.db.raw<{ rows: { first: string }[] }>(
        `select to_char(least(
           (select min(t.service_day) from tickets t join branches b on b.id = t.branch_id where b.entity_id = ?),
           (select min(cast(sh.started_at at time zone b.timezone as date)) from shifts sh
              join branches b on b.id = sh.branch_id where b.entity_id = ?),
           (select cast(created_at at time zone timezone as date) from branches where id = ?)), 'YYYY-MM-DD') as first`,
        [entity, entity, centro],
      )
    ).rows as [{ first: string }];
    expect(first > from).toBe(true);
    const live = await livePairs(app.db, { branchIds: [centro], from, to: today, filter: {} });
    expect(live.days.length).toBeGreaterThan(0); // today, at least
    expect(live.days.filter((d) => d < first)).toEqual([]);
    // The answer is the same as over the branch's own days only.
    const whole = await sup.request('GET', `/api/reports/summary?from=${from}&to=${today}&groupBy=agent`);
    const own = await sup.request('GET', `/api/reports/summary?from=${first}&to=${today}&groupBy=agent`);
    expect(whole.status).toBe(200);
    expect(whole.body.rows).toEqual(own.body.rows);
  });
});
