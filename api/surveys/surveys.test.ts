// Issue 20, the satisfaction survey over real HTTP on the real stack: only a finished ticket is
// rated, within SURVEY_DAYS; answering again changes the answer; bad input is refused with field
// codes; a 1-star answer raises one low_score alert (its notification to the branch supervisor, its
// webhook), which stays open until acknowledged, and an alert rule may turn it off; the back office reads
// answers within its reach, and the summary per agent, service and topic matches figures computed
// here from what was answered; the desk's customer panel shows her scores.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALERT_NOTIFICATION, type Alert } from '../../domain/alerts.js';
import { evaluateAlerts } from '../../activities/alerts/evaluate.js';
import { createAppStack, type ApiClient, type AppStack } from '../../tests/support/app-stack.js';
import { issueStatusToken } from '../public/tokens.js';

let app: AppStack;
let sup: ApiClient; // Sara, supervisor of Centro
let admin: ApiClient;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- asserted field by field
type Body = Record<string, any>;
const answer = (token: string, body: unknown) =>
  fetch(`${app.url}/api/public/tickets/${token}/survey`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  }).then(async (r) => ({ status: r.status, body: (await r.json()) as Body }));
const open = (token: string) =>
  fetch(`${app.url}/api/public/tickets/${token}/survey`).then(async (r) => ({
    status: r.status,
    body: (await r.json()) as Body,
  }));

interface Served {
  id: string;
  token: string;
  agentId: number;
  serviceId: number;
  topicIds: number[];
  customerId: number | null;
}

/** A ticket served and finished by `agent` at a free desk of the branch, with topics. */
async function serve(branchCode: string, agent: string, topics: number, body: object = {}): Promise<Served> {
  const branch = await app.db('branches').where({ code: branchCode }).first('id');
  const a = await app
    .db('users')
    .where({ email: `${agent}@andino.demo` })
    .first('id');
  const service = await app.db('services').where({ label: 'C', branch_id: branch.id }).first('id');
  const topicIds = (await app
    .db('topics')
    .where({ service_id: service.id })
    .orderBy('id')
    .limit(topics)
    .pluck('id')) as number[];
  const desk = await app
    .db('desks')
    .where({ branch_id: branch.id })
    .whereNotIn('id', app.db('shifts').whereNull('ended_at').select('desk_id'))
    .first('id');
  const who = branchCode === 'CEN' ? sup : admin;
  const t = (await who.request('POST', '/api/tickets', { serviceId: service.id, ...body })).body as Body;
  const step = async (path: string, b: object = {}) => {
    const r = await who.request('POST', `/api/tickets/${t.id}/${path}`, b);
    expect(r.status, `${path}: ${JSON.stringify(r.body)}`).toBe(200);
  };
  await step('call', { agentId: a.id, deskId: desk.id });
  await step('attend');
  if (topicIds.length) await step('topics', { topicIds });
  await step('finish');
  return {
    id: t.id,
    token: await issueStatusToken(app.db, t.id),
    agentId: a.id,
    serviceId: service.id,
    topicIds,
    customerId: t.customerId ?? null,
  };
}

beforeAll(async () => {
  app = await createAppStack();
  sup = await app.login('supervisor@andino.demo');
  admin = await app.login('admin@andino.demo');
});
afterAll(() => app?.closeAll());

describe('issue 20: answering the survey', () => {
  it('only a finished ticket is rated; a waiting one says SurveyNotOpen', async () => {
    const cen = await app.db('branches').where({ code: 'CEN' }).first('id');
    const service = await app.db('services').where({ label: 'C', branch_id: cen.id }).first('id');
    const waiting = (await sup.request('POST', '/api/tickets', { serviceId: service.id })).body as Body;
    const token = await issueStatusToken(app.db, waiting.id);
    expect((await open(token)).body).toMatchObject({ state: 'notFinished', answer: null });
    const res = await answer(token, { score: 5 });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('SurveyNotOpen');
    expect(await app.db('surveys').where({ ticket_id: waiting.id }).first()).toBeUndefined();
    expect((await answer('x'.repeat(43), { score: 5 })).body.code).toBe('LinkInvalid');
  });

  it('a finished ticket is answered once per ticket: answering again changes it; bad input names its field', async () => {
    const t = await serve('CEN', 'carla', 1);
    expect((await open(t.token)).body).toMatchObject({ state: 'open', answer: null });
    const first = await answer(t.token, { score: 5 });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.answer).toEqual({ score: 5, comment: null });
    const second = await answer(t.token, { score: 4, comment: '  Muy amable  ' });
    expect(second.body.answer).toEqual({ score: 4, comment: 'Muy amable' });
    const rows = await app
      .db('surveys')
      .where({ ticket_id: t.id })
      .select('score', 'comment', 'agent_id', 'service_id');
    expect(rows).toEqual([{ score: 4, comment: 'Muy amable', agent_id: t.agentId, service_id: t.serviceId }]);
    expect((await open(t.token)).body.answer).toEqual({ score: 4, comment: 'Muy amable' });

    for (const [body, field, code] of [
      [{ score: 0 }, 'score', 'too_small'],
      [{ score: 6 }, 'score', 'too_large'],
      [{ score: 3.5 }, 'score', null],
      [{}, 'score', 'required'],
      [{ score: 3, comment: 'x'.repeat(501) }, 'comment', 'too_long'],
      [{ score: 3, extra: 1 }, 'extra', 'unknown_field'],
    ] as const) {
      const res = await answer(t.token, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      if (code) expect(res.body.fields?.[field]?.code, JSON.stringify(res.body)).toBe(code);
      else expect(res.body.fields?.[field], JSON.stringify(res.body)).toBeDefined();
    }
  });

  it('each answer that changes is a step on the ticket timeline: the customer, the score, whether a comment — not its text', async () => {
    const t = await serve('CEN', 'carla', 0);
    expect((await answer(t.token, { score: 3 })).status).toBe(200);
    expect((await answer(t.token, { score: 3 })).status).toBe(200); // the same again: no step
    expect((await answer(t.token, { score: 4, comment: 'La cajera fue muy amable' })).status).toBe(200);
    const timeline = (await sup.request('GET', `/api/tickets/${t.id}/timeline`)).body as Body[];
    const steps = timeline.filter((e) => e.type === 'survey_answered');
    expect(steps.map((e) => [e.actor?.type ?? e.actorType, e.details])).toEqual([
      ['customer', { score: 3, comment: false }],
      ['customer', { score: 4, comment: true }],
    ]);
    expect(JSON.stringify(timeline)).not.toContain('amable');
    // After the finish, numbered on from it.
    const types = timeline.map((e) => e.type);
    expect(types.slice(types.indexOf('finished'))).toEqual(['finished', 'survey_answered', 'survey_answered']);
    expect(steps.every((e) => e.from === 'finished' && e.to === 'finished')).toBe(true);
  });

  it(`closes ${7} days after the ticket ended`, async () => {
    const t = await serve('CEN', 'carla', 0);
    await app
      .db('tickets')
      .where({ id: t.id })
      .update({ ended_at: new Date(Date.now() - 8 * 86_400_000) });
    expect((await open(t.token)).body.state).toBe('closed');
    const res = await answer(t.token, { score: 3 });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'SurveyClosed', params: { days: 7 } });
  });

  it('a 1-star answer raises one low_score alert: told to the supervisor (not agents), on the monitor, to webhooks; it stays open until acknowledged', async () => {
    const [hook] = await app
      .db('webhooks')
      .insert({
        entity_id: (await app.db('entities').where({ slug: 'andino' }).first('id')).id,
        url: 'https://hooks.example.org/v',
        secret: 's'.repeat(32),
        events: ['survey.answered', 'alert.raised'],
      })
      .returning('id');
    const t = await serve('CEN', 'carla', 0);
    expect((await answer(t.token, { score: 1 })).status).toBe(200);
    // The page sends the comment after the score: the open alert's figures follow, nothing raises twice.
    expect((await answer(t.token, { score: 1, comment: 'Esperé muchísimo' })).status).toBe(200);
    const openLow = async (ticketId: string): Promise<Alert[]> =>
      (
        (
          await sup.request(
            'GET',
            `/api/alerts?filter=${encodeURIComponent(JSON.stringify({ kind: 'low_score', open: true }))}`,
          )
        ).body as Alert[]
      ).filter((a) => a.subject === `survey:${ticketId}`);
    const [alert, ...more] = await openLow(t.id);
    expect(more).toEqual([]);
    const cen = (await app.db('branches').where({ code: 'CEN' }).first('id')).id;
    expect(alert).toMatchObject({
      kind: 'low_score',
      branchId: cen,
      serviceId: t.serviceId,
      userId: t.agentId,
      ticketId: t.id,
      clearedAt: null,
      clearedBy: null,
      params: { score: 1, agent: 'Carla Montoya', comment: 'Esperé muchísimo' },
    });
    expect(String(alert!.params.service)).toMatch(/^C · /);
    const number = (await app.db('tickets').where({ id: t.id }).first('number')).number;
    expect(alert!.params.number).toBe(number);

    // The alert's own notification, to Sara (once) and no agent; no English survey notice any more.
    const sara = await app.db('users').where({ email: 'supervisor@andino.demo' }).first('id');
    const notes = await app
      .db('notifications')
      .where({ type: ALERT_NOTIFICATION, dedupe_key: `alert:${alert!.id}` })
      .select('user_id', 'data');
    expect(notes.filter((n) => n.user_id === sara.id)).toHaveLength(1);
    expect(notes[0]!.data).toMatchObject({ alertId: alert!.id, kind: 'low_score' });
    const agents = await app.db('users').where({ role: 'agent' }).pluck('id');
    expect(notes.filter((n) => agents.includes(n.user_id))).toEqual([]);
    expect(await app.db('notifications').where({ type: 'survey_low_score' }).first('id')).toBeUndefined();
    const mine = (await sup.request('GET', '/api/notifications')).body as Body[];
    expect(mine.some((n) => n.type === ALERT_NOTIFICATION && n.data?.alertId === alert!.id)).toBe(true);
    // The monitor shows it.
    const snap = await sup.request('GET', `/api/monitor/branches/${cen}`);
    expect((snap.body.alerts as Alert[]).map((a) => a.id)).toContain(alert!.id);

    const deliveries = await app
      .db('webhook_deliveries')
      .where({ webhook_id: hook.id })
      .orderBy('id')
      .select('event', 'payload');
    expect(deliveries.map((d) => d.event)).toEqual(['survey.answered', 'alert.raised', 'survey.answered']);
    expect(deliveries[0]).toMatchObject({ payload: { score: 1, ticket: { id: t.id } } });
    expect(deliveries[1]).toMatchObject({ payload: { alert: { id: alert!.id, kind: 'low_score' } } });

    // The evaluator's pass (a condition's) leaves it open: it is an event, not a condition.
    await evaluateAlerts(app.db);
    expect((await openLow(t.id)).map((a) => a.id)).toEqual([alert!.id]);

    // Acknowledged, a changed answer raises nothing again.
    expect((await sup.request('POST', `/api/alerts/${alert!.id}/acknowledge`, {})).status).toBe(200);
    expect((await answer(t.token, { score: 2, comment: 'Sigo molesto' })).status).toBe(200);
    expect(
      await app
        .db('alerts')
        .where({ subject: `survey:${t.id}` })
        .count({ n: '*' }),
    ).toEqual([{ n: 1 }]);

    // A 4 raises nothing.
    const fine = await serve('CEN', 'carla', 0);
    await answer(fine.token, { score: 4 });
    expect(
      await app
        .db('alerts')
        .where({ subject: `survey:${fine.id}` })
        .first('id'),
    ).toBeUndefined();
  });

  it("an alert rule's lowScoreMax says which scores alert (null: none)", async () => {
    const t = await serve('CEN', 'carla', 0);
    const rule = await sup.request('POST', '/api/alert_rules', {
      serviceId: t.serviceId,
      slaBreach: false,
      queueLengthMax: null,
      unservedAfterSeconds: null,
      breakOverCap: false,
      stuckWork: false,
      lowScoreMax: null,
    });
    expect(rule.status, JSON.stringify(rule.body)).toBe(201);
    expect(rule.body.lowScoreMax).toBeNull();
    await answer(t.token, { score: 1 });
    expect(
      await app
        .db('alerts')
        .where({ subject: `survey:${t.id}` })
        .first('id'),
    ).toBeUndefined();
    // Raised to 3: a 3 alerts.
    const three = await sup.request('PUT', `/api/alert_rules/${rule.body.id}`, { lowScoreMax: 3 });
    expect(three.status, JSON.stringify(three.body)).toBe(200);
    const u = await serve('CEN', 'carla', 0);
    await answer(u.token, { score: 3 });
    expect(
      await app
        .db('alerts')
        .where({ subject: `survey:${u.id}` })
        .first('params'),
    ).toMatchObject({
      params: { score: 3 },
    });
    expect((await sup.request('PUT', `/api/alert_rules/${rule.body.id}`, { lowScoreMax: 5 })).status).toBe(400);
    expect((await sup.request('DELETE', `/api/alert_rules/${rule.body.id}`)).status).toBeLessThan(300);
  });
});

describe('issue 20: the answers in the back office and on the customer panel', () => {
  it('summary per agent, service and topic equals the figures of the answers; rights like the reports', async () => {
    await app.db('surveys').del();
    const plan: [string, string, number, number][] = [
      // branch, agent, topics, score
      ['CEN', 'carla', 2, 5],
      ['CEN', 'carla', 1, 2],
      ['CEN', 'bruno', 1, 4],
      ['CEN', 'bruno', 0, 1],
      ['CEN', 'bruno', 2, 3],
      ['NOR', 'elena', 1, 5],
    ];
    const answered: (Served & { branch: string; score: number })[] = [];
    for (const [branch, agent, topics, score] of plan) {
      const t = await serve(branch, agent, topics);
      expect((await answer(t.token, { score })).status).toBe(200);
      answered.push({ ...t, branch, score });
    }
    const today = new Date().toISOString().slice(0, 10);
    const range = `from=2026-01-01&to=${today > '2026-12-31' ? today : '2026-12-31'}`;

    /** The expected rows from what was answered: answers, average (1 decimal), percent of 1–2. */
    const expected = (rows: typeof answered, keysOf: (a: (typeof answered)[number]) => (number | string)[]) => {
      const groups = new Map<string, number[]>();
      for (const a of rows)
        for (const k of keysOf(a)) groups.set(String(k), [...(groups.get(String(k)) ?? []), a.score]);
      return Object.fromEntries(
        [...groups].map(([k, s]) => [
          k,
          {
            answers: s.length,
            avgScore: Math.round((s.reduce((x, y) => x + y, 0) / s.length) * 10) / 10,
            lowPct: Math.round((1000 * s.filter((x) => x <= 2).length) / s.length) / 10,
          },
        ]),
      );
    };
    const got = (rows: Body[]) =>
      Object.fromEntries(rows.map((r) => [r.key, { answers: r.answers, avgScore: r.avgScore, lowPct: r.lowPct }]));
    const centro = answered.filter((a) => a.branch === 'CEN');

    for (const [groupBy, keysOf] of [
      ['agent', (a: Served) => [a.agentId]],
      ['service', (a: Served) => [a.serviceId]],
      ['topic', (a: Served) => a.topicIds],
    ] as const) {
      const all = await admin.request('GET', `/api/surveys/summary?groupBy=${groupBy}&${range}`);
      expect(all.status, JSON.stringify(all.body)).toBe(200);
      expect(got(all.body.rows)).toEqual(expected(answered, keysOf));
      // Sara sees her branch only.
      const hers = await sup.request('GET', `/api/surveys/summary?groupBy=${groupBy}&${range}`);
      expect(got(hers.body.rows)).toEqual(expected(centro, keysOf));
    }
    const labels = (await admin.request('GET', `/api/surveys/summary?groupBy=agent&${range}`)).body.rows.map(
      (r: Body) => r.label,
    );
    expect(labels).toEqual(expect.arrayContaining(['Carla Montoya', 'Bruno Cárdenas', 'Elena Quintero']));

    // The list: the admin sees all six, Sara Centro's five; a score filter narrows it.
    const list = await admin.request('GET', `/api/surveys?range=${encodeURIComponent('[0,24]')}`);
    expect(list.status).toBe(200);
    expect(list.body).toHaveLength(6);
    expect(list.headers.get('content-range')).toBe('surveys 0-5/6');
    const saraList = await sup.request('GET', '/api/surveys');
    expect((saraList.body as Body[]).map((r) => r.id).sort()).toEqual(centro.map((a) => a.id).sort());
    const low = await admin.request('GET', `/api/surveys?filter=${encodeURIComponent('{"score":[1,2]}')}`);
    expect((low.body as Body[]).map((r) => r.score).sort()).toEqual([1, 2]);

    // Rights: agents never; Sara not another branch's.
    const ana = await app.login('ana@andino.demo');
    expect((await ana.request('GET', '/api/surveys')).status).toBe(403);
    expect((await ana.request('GET', `/api/surveys/summary?${range}`)).status).toBe(403);
    const nor = await app.db('branches').where({ code: 'NOR' }).first('id');
    const other = await sup.request('GET', `/api/surveys/summary?${range}&branchId=${nor.id}`);
    expect(other.status).toBe(403);
    expect(other.body.code).toBe('OtherBranch');
    const bad = await admin.request('GET', `/api/surveys/summary?groupBy=desk&${range}`);
    expect(bad.status).toBe(400);
    expect(bad.body.fields.groupBy).toBeDefined();
  });

  it("the desk's customer panel shows her past scores and their average", async () => {
    const body = { customer: { firstName: 'Encuesta', lastName: 'Panel', idNumber: 'S20-0001' } };
    const first = await serve('CEN', 'carla', 0, body);
    const cust = await app.db('tickets').where({ id: first.id }).first('customer_id');
    const second = await serve('CEN', 'bruno', 0, { customerId: cust.customer_id });
    await answer(first.token, { score: 2, comment: 'Lento' });
    await answer(second.token, { score: 5 });
    const panel = await sup.request('GET', `/api/customers/${cust.customer_id}/visits`);
    expect(panel.status).toBe(200);
    const byTicket = Object.fromEntries((panel.body.visits as Body[]).map((v) => [v.ticketId, v.survey]));
    expect(byTicket).toEqual({ [first.id]: { score: 2, comment: 'Lento' }, [second.id]: { score: 5, comment: null } });
    expect(panel.body.surveys).toEqual({ answers: 2, avgScore: 3.5 });
  });
});
