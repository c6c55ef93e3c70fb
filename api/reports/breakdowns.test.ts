// Issue 19: the reports by topic and by hour of day (the heat map), checked against a scripted
// history whose figures the test works out itself from the script: a rolled day two days ago
// plus today's live part, and another branch the supervisor never sees.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rollPending } from '../../db/reports/rollup.js';
import type { HourReportCell, TopicReportRow } from '../../domain/contracts/resources.js';
import { createAppStack, type AppStack, type ApiClient } from '../../tests/support/app-stack.js';

let app: AppStack;
let sup: ApiClient;
let admin: ApiClient;
let centro: number;
let norte: number;
let sla: number;
const TZ = 'America/Bogota';
const localDay = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toLocaleDateString('en-CA', { timeZone: TZ });
const [d2, today] = [localDay(-2), localDay(0)];

/** A scripted ticket: local times `HH:MM` of its day; it is either served or left the queue. */
interface Scripted {
  branch: 'centro' | 'norte';
  day: string;
  arrive: string;
  called?: string;
  attending?: string;
  finished?: string;
  left?: string;
  agent?: string;
  topics: string[];
}
// Today's tickets arrive just after midnight, so the script is in the past whenever it runs
// (except in its first ten minutes).
const SCRIPT: Scripted[] = [
  {
    branch: 'centro',
    day: d2,
    arrive: '09:00',
    called: '09:05',
    attending: '09:06',
    finished: '09:20',
    agent: 'ana',
    topics: ['Depósito', 'Retiro'],
  },
  { branch: 'centro', day: d2, arrive: '09:40', left: '09:50', topics: ['Retiro'] },
  {
    branch: 'centro',
    day: d2,
    arrive: '11:00',
    called: '11:02',
    attending: '11:03',
    finished: '11:13',
    agent: 'bruno',
    topics: ['Depósito'],
  },
  {
    branch: 'centro',
    day: today,
    arrive: '00:01',
    called: '00:03',
    attending: '00:04',
    finished: '00:09',
    agent: 'ana',
    topics: ['Depósito'],
  },
  { branch: 'centro', day: today, arrive: '00:02', left: '00:05', topics: ['Cambio de divisas'] },
  {
    branch: 'norte',
    day: d2,
    arrive: '10:00',
    called: '10:01',
    attending: '10:02',
    finished: '10:30',
    agent: 'elena',
    topics: ['Depósito'],
  },
];
const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));
const secs = (a: string, b: string) => (minutes(b) - minutes(a)) * 60;
const isoWeekday = (day: string) => new Date(`${day}T12:00:00Z`).getUTCDay() || 7;

let seq = 0;
async function insert(s: Scripted): Promise<void> {
  const branchId = s.branch === 'centro' ? centro : norte;
  const service = await app.db('services').where({ branch_id: branchId, label: 'C' }).first('id');
  const at = (t: string) => app.db.raw(`(cast(? as date) + cast(? as time)) at time zone '${TZ}'`, [s.day, t]);
  const agentId = s.agent
    ? (
        await app
          .db('users')
          .where({ email: `${s.agent}@andino.demo` })
          .first('id')
      ).id
    : null;
  const steps = s.left
    ? [
        { type: 'created', from: null, to: 'waiting', at: s.arrive, actor: 'system' },
        { type: 'cancelled', from: 'waiting', to: 'cancelled', at: s.left, actor: 'customer' },
      ]
    : [
        { type: 'created', from: null, to: 'waiting', at: s.arrive, actor: 'system' },
        { type: 'called', from: 'waiting', to: 'calling', at: s.called!, actor: 'system' },
        { type: 'attending', from: 'calling', to: 'attending', at: s.attending!, actor: 'system' },
        { type: 'finished', from: 'attending', to: 'finished', at: s.finished!, actor: 'system' },
      ];
  const id = randomUUID();
  seq++;
  await app.db('tickets').insert({
    id,
    entity_id: (await app.db('branches').where({ id: branchId }).first('entity_id')).entity_id,
    branch_id: branchId,
    service_id: service.id,
    numbered_service_id: service.id,
    kind: 'turn',
    status: steps[steps.length - 1]!.to,
    service_day: s.day,
    seq: 500 + seq,
    number: `C-${500 + seq}`,
    arrival_at: at(s.arrive),
    workflow_id: `ticket-${id}`,
    last_event_seq: steps.length,
  });
  await app.db('ticket_events').insert(
    steps.map((st, i) => ({
      ticket_id: id,
      service_day: s.day,
      seq: i + 1,
      type: st.type,
      from_status: st.from,
      to_status: st.to,
      actor_type: st.actor,
      at: at(st.at),
      details: JSON.stringify({
        ...(st.type === 'called' ? { agentId } : {}),
        ...(st.type === 'cancelled' ? { reason: 'left_queue' } : {}),
      }),
    })),
  );
  for (const name of s.topics) {
    const topic = await app.db('topics').where({ service_id: service.id, name }).first('id');
    await app.db('ticket_topics').insert({ ticket_id: id, topic_id: topic.id });
  }
}

/** The report by topic, worked out from the script. */
function expectedTopics(branch: Scripted['branch'], days: string[]) {
  const by = new Map<string, { tickets: number; served: number; service: number[] }>();
  for (const s of SCRIPT.filter((x) => x.branch === branch && days.includes(x.day))) {
    for (const t of s.topics) {
      const row = by.get(t) ?? { tickets: 0, served: 0, service: [] };
      row.tickets++;
      if (s.finished) {
        row.served++;
        row.service.push(secs(s.attending!, s.finished));
      }
      by.set(t, row);
    }
  }
  return [...by.entries()]
    .map(([topic, r]) => ({
      topic,
      tickets: r.tickets,
      served: r.served,
      avgServiceSeconds: r.service.length ? Math.round(r.service.reduce((a, b) => a + b, 0) / r.service.length) : null,
    }))
    .sort((a, b) => a.topic.localeCompare(b.topic));
}

/** The heat map, worked out from the script. */
function expectedHours(days: string[], only: (s: Scripted) => boolean = () => true): HourReportCell[] {
  const by = new Map<string, { waits: number[]; called: number; within: number; left: number }>();
  for (const s of SCRIPT.filter((x) => x.branch === 'centro' && days.includes(x.day) && only(x))) {
    const key = `${isoWeekday(s.day)}/${Number(s.arrive.slice(0, 2))}`;
    const c = by.get(key) ?? { waits: [], called: 0, within: 0, left: 0 };
    const wait = secs(s.arrive, s.called ?? s.left!);
    c.waits.push(wait);
    if (s.called) {
      c.called++;
      if (wait <= sla) c.within++;
    } else c.left++;
    by.set(key, c);
  }
  return [...by.entries()]
    .map(([k, c]) => ({
      weekday: Number(k.split('/')[0]),
      hour: Number(k.split('/')[1]),
      tickets: c.waits.length,
      avgWaitSeconds: Math.round(c.waits.reduce((a, b) => a + b, 0) / c.waits.length),
      called: c.called,
      withinSla: c.within,
      leftBeforeCalled: c.left,
    }))
    .sort((a, b) => a.weekday - b.weekday || a.hour - b.hour);
}

const topics = async (who: ApiClient, from: string, to: string, extra = '') => {
  const res = await who.request('GET', `/api/reports/topics?from=${from}&to=${to}${extra}`);
  expect(res.status).toBe(200);
  return (res.body.rows as TopicReportRow[])
    .map(({ topic, tickets, served, avgServiceSeconds }) => ({ topic, tickets, served, avgServiceSeconds }))
    .sort((a, b) => a.topic.localeCompare(b.topic));
};
const hours = async (from: string, to: string, extra = '') => {
  const res = await sup.request('GET', `/api/reports/hours?from=${from}&to=${to}${extra}`);
  expect(res.status).toBe(200);
  return res.body.cells as HourReportCell[];
};

beforeAll(async () => {
  app = await createAppStack();
  sup = await app.login('supervisor@andino.demo');
  admin = await app.login('admin@andino.demo');
  centro = (await app.db('branches').where({ code: 'CEN' }).first('id')).id;
  norte = (await app.db('branches').where({ code: 'NOR' }).first('id')).id;
  sla = (await app.db('services').where({ branch_id: centro, label: 'C' }).first('sla_target_seconds'))
    .sla_target_seconds;
  for (const s of SCRIPT.filter((x) => x.day === d2)) await insert(s);
});
afterAll(() => app?.closeAll());

describe('issue 19: reports by topic and by hour of day', () => {
  it('a day read live, then rolled: the same figures the script gives', async () => {
    const liveTopics = await topics(sup, d2, d2);
    const liveHours = await hours(d2, d2);
    expect(liveTopics).toEqual(expectedTopics('centro', [d2]));
    expect(liveHours).toEqual(expectedHours([d2]));
    await rollPending(app.db);
    expect(await app.db('report_days').where({ branch_id: centro, day: d2 }).first('dirty', 'version')).toMatchObject({
      dirty: false,
    });
    expect(await app.db('report_topic_days').where({ branch_id: centro, day: d2 }).count('* as n').first()).not.toEqual(
      { n: '0' },
    );
    expect(await topics(sup, d2, d2)).toEqual(liveTopics);
    expect(await hours(d2, d2)).toEqual(liveHours);
  });

  it("rolled days plus today's live part", async () => {
    for (const s of SCRIPT.filter((x) => x.day === today)) await insert(s);
    const all = [d2, localDay(-1), today];
    expect(await topics(sup, d2, today)).toEqual(expectedTopics('centro', all));
    expect(await hours(d2, today)).toEqual(expectedHours(all));
    // Narrowed to a service: the same (every scripted ticket is of service C).
    const serviceC = (await app.db('services').where({ branch_id: centro, label: 'C' }).first('id')).id;
    expect(await topics(sup, d2, today, `&serviceId=${serviceC}`)).toEqual(expectedTopics('centro', all));
    const ana = (await app.db('users').where({ email: 'ana@andino.demo' }).first('id')).id;
    const anaOnly = SCRIPT.filter((s) => s.agent === 'ana');
    expect((await topics(sup, d2, today, `&agentId=${ana}`)).map((r) => [r.topic, r.tickets])).toEqual(
      [...new Set(anaOnly.flatMap((s) => s.topics))]
        .sort()
        .map((t) => [t, anaOnly.filter((s) => s.topics.includes(t)).length]),
    );
  });

  it('the heat map honours the service, department and agent narrowing, rolled and live', async () => {
    const all = [d2, localDay(-1), today];
    const c = await app.db('services').where({ branch_id: centro, label: 'C' }).first('id', 'department_id');
    const other = await app.db('services').where({ branch_id: centro }).whereNot({ label: 'C' }).first('id');
    const otherDept = await app
      .db('departments')
      .where({ branch_id: centro })
      .whereNot({ id: c.department_id })
      .first('id');
    expect(await hours(d2, today, `&serviceId=${c.id}`)).toEqual(expectedHours(all));
    expect(await hours(d2, today, `&departmentId=${c.department_id}`)).toEqual(expectedHours(all));
    expect(await hours(d2, today, `&serviceId=${other.id}`)).toEqual([]);
    if (otherDept) expect(await hours(d2, today, `&departmentId=${otherDept.id}`)).toEqual([]);
    const ana = (await app.db('users').where({ email: 'ana@andino.demo' }).first('id')).id;
    const bruno = (await app.db('users').where({ email: 'bruno@andino.demo' }).first('id')).id;
    // d2 is rolled (by agent, ROLLUP_VERSION 4), today is live: both narrowed to the agent.
    expect(await hours(d2, today, `&agentId=${ana}`)).toEqual(expectedHours(all, (s) => s.agent === 'ana'));
    expect(await hours(d2, today, `&agentId=${bruno}`)).toEqual(expectedHours(all, (s) => s.agent === 'bruno'));
    expect(expectedHours(all, (s) => s.agent === 'bruno')).toHaveLength(1);
  });

  it("a supervisor sees their branch only; an admin the entity's", async () => {
    for (const path of ['topics', 'hours']) {
      const other = await sup.request('GET', `/api/reports/${path}?from=${d2}&to=${today}&branchId=${norte}`);
      expect(other.status).toBe(403);
      const agent = await app.login('ana@andino.demo');
      expect((await agent.request('GET', `/api/reports/${path}?from=${d2}&to=${today}`)).status).toBe(403);
      expect((await sup.request('GET', `/api/reports/${path}?from=${today}&to=${d2}`)).status).toBe(400);
    }
    expect(await topics(admin, d2, today, `&branchId=${norte}`)).toEqual(expectedTopics('norte', [d2]));
    // The admin's entity-wide Depósito adds Norte's ticket to Centro's (each branch's service C has its own topic).
    const entity = await topics(admin, d2, today);
    expect(entity.filter((r) => r.topic === 'Depósito').map((r) => r.tickets)).toEqual([3, 1]);
  });

  it('agent occupancy: serving time over logged-in time less breaks, live and rolled', async () => {
    // Ana's shift two days ago, by state (local times): online, lunch, wrap-up, online again.
    const periods = [
      { state: 'online', from: '08:50', to: '10:00' },
      { state: 'lunch', from: '10:00', to: '10:30' },
      { state: 'documenting', from: '10:30', to: '10:40' },
      { state: 'online', from: '10:40', to: '11:20' },
    ];
    const ana = (await app.db('users').where({ email: 'ana@andino.demo' }).first('id')).id;
    const desk = (await app.db('desks').where({ branch_id: centro }).orderBy('id').first('id')).id;
    const at = (t: string) => app.db.raw(`(cast(? as date) + cast(? as time)) at time zone '${TZ}'`, [d2, t]);
    const shiftId = randomUUID();
    await app.db('shifts').insert({
      id: shiftId,
      user_id: ana,
      branch_id: centro,
      desk_id: desk,
      state: 'offline',
      state_since: at('11:20'),
      started_at: at('08:50'),
      ended_at: at('11:20'),
      workflow_id: `shift-${ana}-${shiftId}`,
    });
    await app.db('shift_state_periods').insert(
      periods.map((p, i) => ({
        shift_id: shiftId,
        seq: i + 1,
        state: p.state,
        started_at: at(p.from),
        ended_at: at(p.to),
      })),
    );
    // Worked out from the script: her tickets of that day held from the call to the end.
    const serving = SCRIPT.filter((x) => x.agent === 'ana' && x.day === d2).reduce(
      (n, x) => n + secs(x.called!, x.finished!),
      0,
    );
    const loggedInLessBreaks = periods
      .filter((p) => p.state === 'online' || p.state === 'documenting')
      .reduce((n, p) => n + secs(p.from, p.to), 0);
    const expected = Math.round((1000 * serving) / loggedInLessBreaks) / 10;
    expect(expected).toBe(12.5); // 900 s over 120 min
    const occupancy = async () => {
      const res = await sup.request('GET', `/api/reports/summary?from=${d2}&to=${d2}&groupBy=agent`);
      return (res.body.rows as { key: string; occupancyPercent: number | null }[]).find((r) => r.key === String(ana))
        ?.occupancyPercent;
    };
    // The day was rolled before the shift was written: marked dirty, it is read live.
    await app.db('report_days').where({ branch_id: centro, day: d2 }).update({ dirty: true });
    expect(await occupancy()).toBe(expected);
    await rollPending(app.db);
    expect(await app.db('report_days').where({ branch_id: centro, day: d2 }).first('dirty')).toEqual({ dirty: false });
    expect(await occupancy()).toBe(expected);
    // Narrowed to a service, shift time (and so occupancy) is left out.
    const serviceC = (await app.db('services').where({ branch_id: centro, label: 'C' }).first('id')).id;
    const narrowed = await sup.request(
      'GET',
      `/api/reports/summary?from=${d2}&to=${d2}&groupBy=agent&serviceId=${serviceC}`,
    );
    expect(narrowed.body.rows.every((r: { occupancyPercent: unknown }) => r.occupancyPercent === null)).toBe(true);
  });
});
