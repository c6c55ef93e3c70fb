// Issue 19: trends per service day and ISO week, checked against a scripted fortnight whose
// figures the test works out itself from the script (arrivals, served, waits, SLA, attention,
// outcomes by who ended them), read live, then rolled; their CSV in both languages; and today's
// SLA % the same in a report as on the monitor (a customer still waiting past the target is a miss).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rollPending } from '../../db/reports/rollup.js';
import type { ReportRow } from '../../domain/contracts/resources.js';
import { createAppStack, type AppStack, type ApiClient } from '../../tests/support/app-stack.js';

let app: AppStack;
let sup: ApiClient;
let centro: number;
let serviceC: number;
let ana: number;
let supervisorId: number;
const SLA = 300;
const TZ = 'America/Bogota';
const localDay = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toLocaleDateString('en-CA', { timeZone: TZ });
const today = localDay(0);
const from = localDay(-9);

type Ending = 'served' | 'left' | 'timeout' | 'marked' | 'staff' | 'waiting';
/** A scripted ticket: local `HH:MM` times of its day; how it ended decides which steps it has. */
interface Scripted {
  day: string;
  arrive: string;
  called?: string;
  attending?: string;
  end?: string;
  ending: Ending;
}
const S = (day: number, ending: Ending, arrive: string, called?: string, attending?: string, end?: string) =>
  ({ day: localDay(-day), ending, arrive, called, attending, end }) as Scripted;
// Ten days: two ISO weeks at least, with empty days between. Today's tickets are just after
// midnight, so the script is in the past whenever it runs (but in its first minutes).
const SCRIPT: Scripted[] = [
  S(9, 'served', '09:00', '09:03', '09:04', '09:14'),
  S(9, 'served', '09:10', '09:20', '09:21', '09:26'), // waited 10 min: outside the target
  S(9, 'left', '10:00', undefined, undefined, '10:07'),
  S(8, 'timeout', '11:00', '11:02', undefined, '11:07'),
  S(8, 'served', '11:30', '11:31', '11:33', '11:53'),
  S(5, 'marked', '08:00', '08:06', undefined, '08:08'),
  S(5, 'staff', '08:30', undefined, undefined, '08:40'),
  S(3, 'served', '15:00', '15:04', '15:05', '15:15'),
  S(1, 'left', '16:00', undefined, undefined, '16:30'),
  S(1, 'served', '16:10', '16:12', '16:13', '16:20'),
  S(0, 'served', '00:01', '00:02', '00:03', '00:10'),
  S(0, 'waiting', '00:04'), // never called, long past the target now
];
const mins = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));
const secs = (a: string, b: string) => (mins(b) - mins(a)) * 60;

let seq = 0;
async function insert(s: Scripted): Promise<void> {
  const at = (t: string) => app.db.raw(`(cast(? as date) + cast(? as time)) at time zone '${TZ}'`, [s.day, t]);
  const steps: { type: string; from: string | null; to: string; at: string; actor: string; actorId?: number }[] = [
    { type: 'created', from: null, to: 'waiting', at: s.arrive, actor: 'system' },
  ];
  if (s.called) steps.push({ type: 'called', from: 'waiting', to: 'calling', at: s.called, actor: 'system' });
  if (s.attending)
    steps.push({ type: 'attending', from: 'calling', to: 'attending', at: s.attending, actor: 'system' });
  const ends: Record<Ending, [string, string, string, number?] | null> = {
    served: ['finished', 'finished', 'system'],
    left: ['cancelled', 'cancelled', 'customer'],
    timeout: ['no_show', 'no_show', 'system'],
    marked: ['no_show', 'no_show', 'user', ana],
    staff: ['cancelled', 'cancelled', 'user', supervisorId],
    waiting: null,
  };
  const e = ends[s.ending];
  if (e)
    steps.push({ type: e[0], from: steps[steps.length - 1]!.to, to: e[1], at: s.end!, actor: e[2], actorId: e[3] });
  const id = randomUUID();
  seq++;
  await app.db('tickets').insert({
    id,
    entity_id: (await app.db('branches').where({ id: centro }).first('entity_id')).entity_id,
    branch_id: centro,
    service_id: serviceC,
    numbered_service_id: serviceC,
    kind: 'turn',
    status: steps[steps.length - 1]!.to,
    service_day: s.day,
    seq: 700 + seq,
    number: `C-${700 + seq}`,
    arrival_at: at(s.arrive),
    called_at: s.called ? at(s.called) : null,
    agent_id: s.called ? ana : null,
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
      actor_id: st.actorId ?? null,
      at: at(st.at),
      details: JSON.stringify(
        st.type === 'called' ? { agentId: ana } : st.actor === 'customer' ? { reason: 'left_queue' } : {},
      ),
    })),
  );
}

/** The Monday of a day's week, worked out here on its own (not with the code under test). */
function monday(day: string): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}
const days = (a: string, b: string) => {
  const out: string[] = [];
  for (let d = new Date(`${a}T12:00:00Z`); d.toISOString().slice(0, 10) <= b; d.setUTCDate(d.getUTCDate() + 1))
    out.push(d.toISOString().slice(0, 10));
  return out;
};
const round1 = (part: number, whole: number) => (whole ? Math.round((1000 * part) / whole) / 10 : null);
const mean = (xs: number[]) => (xs.length ? Math.round(xs.reduce((a, b) => a + b, 0) / xs.length) : null);

/** The expected figures per period from the script; `nowMin`: minutes since today's midnight. */
function expected(grain: 'day' | 'week', nowMin: number) {
  const keyOf = (day: string) => (grain === 'day' ? day : monday(day));
  const keys = [...new Set(days(from, today).map(keyOf))];
  return keys.map((key) => {
    const tickets = SCRIPT.filter((s) => keyOf(s.day) === key);
    const called = tickets.filter((s) => s.called);
    const within = called.filter((s) => secs(s.arrive, s.called!) <= SLA).length;
    const nowT = `${String(Math.floor(nowMin / 60)).padStart(2, '0')}:${String(nowMin % 60).padStart(2, '0')}`;
    const overSla = tickets.filter((s) => s.ending === 'waiting' && secs(s.arrive, nowT) > SLA).length;
    const count = (e: Ending) => tickets.filter((s) => s.ending === e).length;
    return {
      key,
      tickets: tickets.length,
      served: count('served'),
      called: called.length,
      withinSla: within,
      waitingOverSla: overSla,
      slaPercent: round1(within, called.length + overSla),
      avgServiceSeconds: mean(tickets.filter((s) => s.ending === 'served').map((s) => secs(s.attending!, s.end!))),
      leftBeforeCalled: count('left'),
      noShowTimeout: count('timeout'),
      noShowMarked: count('marked'),
      cancelledByStaff: count('staff'),
      abandonmentPercent: round1(count('left') + count('timeout') + count('marked'), tickets.length),
      // The wait of a customer still waiting grows with the clock: compared within a minute.
      avgWaitSeconds: mean(tickets.map((s) => secs(s.arrive, s.called ?? (s.ending === 'waiting' ? nowT : s.end!)))),
    };
  });
}
const nowMinutes = () => {
  const [h, m] = new Date().toLocaleTimeString('en-GB', { timeZone: TZ, hour12: false }).split(':');
  return Number(h) * 60 + Number(m);
};

async function trends(grain: 'day' | 'week', extra = ''): Promise<ReportRow[]> {
  const res = await sup.request('GET', `/api/reports/trends?from=${from}&to=${today}&grain=${grain}${extra}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.periods as ReportRow[];
}
function expectTrends(got: ReportRow[], grain: 'day' | 'week') {
  const want = expected(grain, nowMinutes());
  const pick = (r: ReportRow) => Object.fromEntries(Object.keys(want[0]!).map((k) => [k, r[k as keyof ReportRow]]));
  const strip = ({ avgWaitSeconds: _, ...rest }: Record<string, unknown>) => rest;
  expect(got.map(pick).map(strip)).toEqual(want.map(strip));
  want.forEach((w, i) => {
    if (w.avgWaitSeconds === null) expect(got[i]!.avgWaitSeconds).toBeNull();
    else expect(Math.abs(got[i]!.avgWaitSeconds! - w.avgWaitSeconds)).toBeLessThanOrEqual(90);
  });
}

beforeAll(async () => {
  app = await createAppStack();
  sup = await app.login('supervisor@andino.demo');
  centro = (await app.db('branches').where({ code: 'CEN' }).first('id')).id;
  serviceC = (await app.db('services').where({ branch_id: centro, label: 'C' }).first('id')).id;
  await app.db('services').where({ id: serviceC }).update({ sla_target_seconds: SLA });
  ana = (await app.db('users').where({ email: 'ana@andino.demo' }).first('id')).id;
  supervisorId = (await app.db('users').where({ email: 'supervisor@andino.demo' }).first('id')).id;
  for (const s of SCRIPT) await insert(s);
}, 120_000);
afterAll(() => app?.closeAll());

describe('issue 19: trends by day and by ISO week', () => {
  it('per day and per week, live then rolled, as the script gives them', async () => {
    const week = await trends('week');
    // ISO weeks start on Monday, named by their Thursday's year.
    for (const p of week) expect(new Date(`${p.key}T12:00:00Z`).getUTCDay()).toBe(1);
    expect(week.map((p) => p.label)).toEqual(week.map(() => expect.stringMatching(/^\d{4}-W\d{2}$/) as unknown));
    expectTrends(await trends('day'), 'day');
    expectTrends(week, 'week');
    await rollPending(app.db);
    const rolled = await app
      .db('report_days')
      .where({ branch_id: centro, day: localDay(-9) })
      .first('dirty');
    expect(rolled).toEqual({ dirty: false });
    expectTrends(await trends('day'), 'day');
    expectTrends(await trends('week'), 'week');
    // Narrowed: another service has nothing; the agent's trend has only the tickets she was called for.
    const other = (await app.db('services').where({ branch_id: centro }).whereNot({ id: serviceC }).first('id')).id;
    expect((await trends('week', `&serviceId=${other}`)).every((p) => p.tickets === 0)).toBe(true);
    const anas = await trends('week', `&agentId=${ana}`);
    expect(anas.reduce((n, p) => n + p.tickets, 0)).toBe(SCRIPT.filter((s) => s.called).length);
  });

  it('the trend CSV speaks the language asked: headers, decimal comma and dates in Spanish', async () => {
    const res = await sup.request('GET', `/api/reports/trends.csv?from=${from}&to=${today}&grain=day&lang=es`);
    expect(res.status).toBe(200);
    const text = String(res.body);
    const [header, ...lines] = text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(header!.split(';').slice(0, 3)).toEqual(['Fecha (AAAA-MM-DD)', 'Día', 'Turnos']);
    expect(header).toContain('Espera media (min)');
    expect(lines).toHaveLength(days(from, today).length);
    const first = lines[0]!.split(';');
    const [y, m, d] = from.split('-');
    expect(first.slice(0, 3)).toEqual([from, `${d}/${m}/${y}`, '3']);
    // 9 d ago: waits 3, 10 and 7 min: 6.7 min, written with the decimal comma.
    expect(first[header!.split(';').indexOf('Espera media (min)')]).toBe('6,7');
    const en = await sup.request('GET', `/api/reports/trends.csv?from=${from}&to=${today}&grain=week&lang=en`);
    const enHeader = String(en.body)
      .replace(/^\uFEFF/, '')
      .split('\r\n')[0]!;
    expect(enHeader.split(',').slice(0, 3)).toEqual(['Week from Monday (YYYY-MM-DD)', 'ISO week', 'Tickets']);
  });

  it('the topic and hour CSVs, localised the same way', async () => {
    const hours = await sup.request('GET', `/api/reports/hours.csv?from=${from}&to=${today}&lang=es`);
    expect(hours.status).toBe(200);
    const [hh, ...hl] = String(hours.body)
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(hh!.split(';')).toEqual([
      'Día de la semana (1 = lunes)',
      'Día',
      'Hora de llegada (0-23)',
      'Llegadas',
      'Espera media (min)',
      'Llamados',
      'Llamados dentro del SLA',
      'Se fueron antes del llamado',
    ]);
    expect(hl.reduce((n, l) => n + Number(l.split(';')[3]), 0)).toBe(SCRIPT.length);
    const names = ['lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado', 'domingo'];
    for (const l of hl) expect(l.split(';')[1]).toBe(names[Number(l.split(';')[0]) - 1]);
    const topics = await sup.request('GET', `/api/reports/topics.csv?from=${from}&to=${today}&lang=en`);
    expect(topics.status).toBe(200);
    expect(
      String(topics.body)
        .replace(/^\uFEFF/, '')
        .split('\r\n')[0],
    ).toBe('Topic id,Topic,Service id,Service,Tickets,Served,Average service (min)');
    const agent = await app.login('ana@andino.demo');
    for (const path of ['trends', 'trends.csv', 'topics.csv', 'hours.csv'])
      expect((await agent.request('GET', `/api/reports/${path}?from=${from}&to=${today}`)).status).toBe(403);
  });

  it("today's SLA % in a report is the monitor's: a customer still waiting past the target is a miss", async () => {
    const monitor = await sup.request('GET', `/api/monitor/branches/${centro}`);
    expect(monitor.status).toBe(200);
    const svc = (monitor.body.services as { id: number; slaPercent: number | null; waitingOverSla: number }[]).find(
      (s) => s.id === serviceC,
    )!;
    expect(svc.waitingOverSla).toBe(1);
    const report = await sup.request(
      'GET',
      `/api/reports/summary?from=${today}&to=${today}&groupBy=branch&branchId=${centro}`,
    );
    const row = (report.body.rows as ReportRow[])[0]!;
    // One called within the target, one waiting past it: 50 %, not the 100 % of the called alone.
    expect(row.slaPercent).toBe(50);
    expect(row.slaPercent).toBe(monitor.body.totals.slaPercent);
    expect(svc.slaPercent).toBe(50);
    // A range that includes today agrees on today's period.
    const day = (await trends('day')).find((p) => p.key === today)!;
    expect(day.slaPercent).toBe(monitor.body.totals.slaPercent);
  });
});
