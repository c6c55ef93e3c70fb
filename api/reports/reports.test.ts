// H3 and H4 over real HTTP, against the real API, Temporal and PostgreSQL with the demo data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppStack, type AppStack, type ApiClient } from '../../tests/support/app-stack.js';
import { csvField } from './csv.js';
import { storeLiveFacts } from '../../db/reports/rollup.js';
import { leaveQueue } from '../public/leave.js';

let app: AppStack;
let sup: ApiClient;
let centro: number;
let norte: number;
let serviceC: number;
let ana: number;
let desk: number;
const today = () => new Date().toLocaleDateString('en-CA', { timeZone: 'America/Bogota' });

beforeAll(async () => {
  app = await createAppStack();
  sup = await app.login('supervisor@andino.demo');
  centro = (await app.db('branches').where({ code: 'CEN' }).first('id')).id;
  norte = (await app.db('branches').where({ code: 'NOR' }).first('id')).id;
  serviceC = (await app.db('services').where({ branch_id: centro, label: 'C' }).first('id')).id;
  ana = (await app.db('users').where({ email: 'ana@andino.demo' }).first('id')).id;
  desk = (await app.db('desks').where({ branch_id: centro }).orderBy('id').first('id')).id;
  // One ticket served from start to end, one cancelled while waiting, one still waiting.
  const served = await sup.request('POST', '/api/tickets', { serviceId: serviceC });
  expect(
    (await sup.request('POST', `/api/tickets/${served.body.id}/call`, { agentId: ana, deskId: desk })).status,
  ).toBe(200);
  expect((await sup.request('POST', `/api/tickets/${served.body.id}/attend`, {})).status).toBe(200);
  expect((await sup.request('POST', `/api/tickets/${served.body.id}/finish`, {})).status).toBe(200);
  const left = await sup.request('POST', '/api/tickets', {
    serviceId: serviceC,
    customer: { firstName: 'Ana "la, de" =1+1' },
  });
  // The customer leaves from the status page (issue 19: a staff cancellation is not abandonment).
  expect((await leaveQueue({ db: app.db, temporal: app.client }, left.body.id)).status).toBe('cancelled');
  expect((await sup.request('POST', '/api/tickets', { serviceId: serviceC })).status).toBe(201);
});
afterAll(() => app?.closeAll());

describe('H4 live monitor snapshot', () => {
  it("shows queue length, longest wait, agents by state and SLA today for the supervisor's branch", async () => {
    const res = await sup.request('GET', `/api/monitor/branches/${centro}`);
    expect(res.status).toBe(200);
    const c = res.body.services.find((s: { id: number }) => s.id === serviceC);
    expect(c).toMatchObject({
      label: 'C',
      waiting: 1,
      finished: 1,
      abandoned: 1,
      calledToday: 1,
      withinSla: 1,
      slaPercent: 100,
    });
    expect(c.longestWaitSeconds).toBeGreaterThanOrEqual(0);
    expect(c.next).toMatchObject({ code: 'interleave_arrival', params: { number: 'C-003', ratio: 2 } }); // H1: why this one is next
    expect(res.body.policy).toEqual({ policy: 'interleave', interleaveRatio: 2, ageBoostMinutes: 10 });
    expect(res.body.totals).toMatchObject({ waiting: 1, slaPercent: 100 });
    expect(res.body.agents.map((a: { name: string }) => a.name)).toContain('Ana Restrepo');
    expect(res.body.agentsByState.offline).toBeGreaterThan(0);
    expect(res.body.queue[0].temporalUrl).toBeNull(); // G7: Web UI links are for operators (api/temporal-ui/links.test.ts)
  });

  it("counts today's figures as the report of today does (one model, issue 18)", async () => {
    const monitor = (await sup.request('GET', `/api/monitor/branches/${centro}`)).body;
    const report = (
      await sup.request('GET', `/api/reports/summary?from=${today()}&to=${today()}&groupBy=service&branchId=${centro}`)
    ).body.rows as {
      key: string;
      served: number;
      leftBeforeCalled: number;
      noShowTimeout: number;
      noShowMarked: number;
      called: number;
      withinSla: number;
    }[];
    for (const s of monitor.services as {
      id: number;
      finished: number;
      abandoned: number;
      calledToday: number;
      withinSla: number;
    }[]) {
      const r = report.find((x) => x.key === String(s.id)) ?? {
        served: 0,
        leftBeforeCalled: 0,
        noShowTimeout: 0,
        noShowMarked: 0,
        called: 0,
        withinSla: 0,
      };
      expect([s.finished, s.abandoned, s.calledToday, s.withinSla]).toEqual([
        r.served,
        r.leftBeforeCalled + r.noShowTimeout + r.noShowMarked,
        r.called,
        r.withinSla,
      ]);
    }
  });

  it("stores ended tickets' facts once, and they give the figures their timelines give", async () => {
    const ended = await app
      .db('tickets')
      .where({ branch_id: centro, service_id: serviceC })
      .whereIn('status', ['finished', 'cancelled'])
      .pluck('id');
    await storeLiveFacts(app.db);
    expect(await app.db('ticket_facts').whereIn('ticket_id', ended).count({ n: '*' })).toEqual([{ n: ended.length }]);
    expect(await app.db('ticket_busy').whereIn('ticket_id', ended).pluck('agent_id')).toEqual([ana]);
    const figures = async () =>
      (
        await Promise.all(
          ['service', 'agent', 'day'].map(
            async (g) =>
              (
                await sup.request(
                  'GET',
                  `/api/reports/summary?from=${today()}&to=${today()}&groupBy=${g}&branchId=${centro}`,
                )
              ).body.rows,
          ),
        )
      ).map((rows: { avgWaitSeconds: number | null }[]) => rows.map(({ avgWaitSeconds: _, ...r }) => r));
    const fromFacts = await figures();
    await app.db('ticket_facts').whereIn('ticket_id', ended).delete();
    await app.db('ticket_busy').whereIn('ticket_id', ended).delete();
    expect(await figures()).toEqual(fromFacts); // read from the timeline now
  });

  it('G7: tells an operator, not a supervisor, where the workflows are, for shift links', async () => {
    expect((await sup.request('GET', '/api/monitor/temporal')).body).toMatchObject({ code: 'OperatorOnly' });
    const res = await (await app.login('operator@ventanilla.demo')).request('GET', '/api/monitor/temporal');
    expect(res.body).toEqual({
      uiUrl: 'http://localhost:8233',
      namespace: app.namespace,
      workflowsUrl: `http://localhost:8233/namespaces/${app.namespace}`,
    });
  });

  it('refuses agents, other branches and other entities', async () => {
    const agent = await app.login('ana@andino.demo');
    expect((await agent.request('GET', `/api/monitor/branches/${centro}`)).status).toBe(403);
    expect((await sup.request('GET', `/api/monitor/branches/${norte}`)).status).toBe(403);
    expect((await sup.request('GET', '/api/monitor/branches/999999')).status).toBe(404);
    const admin = await app.login('admin@andino.demo');
    expect((await admin.request('GET', `/api/monitor/branches/${norte}`)).status).toBe(200);
  });
});

describe('H3 reports', () => {
  it('per service: waiting, walking and service time, SLA and abandonment', async () => {
    const res = await sup.request('GET', `/api/reports/summary?from=${today()}&to=${today()}&groupBy=service`);
    expect(res.status).toBe(200);
    const c = res.body.rows.find((r: { key: string }) => r.key === String(serviceC));
    expect(c).toMatchObject({
      label: 'C · Depósitos y retiros',
      tickets: 3,
      served: 1,
      called: 1,
      withinSla: 1,
      slaPercent: 100,
      leftBeforeCalled: 1,
      cancelled: 1,
      cancelledByStaff: 0,
      noShow: 0,
    });
    expect(c.avgWalkSeconds).toBeGreaterThanOrEqual(0);
    expect(c.avgServiceSeconds).toBeGreaterThanOrEqual(0);
    expect(c.abandonmentPercent).toBeCloseTo(33.3, 1);
    expect(c.idleSeconds).toBeNull(); // agent time has no service
  });

  it('per agent and per day', async () => {
    const byAgent = await sup.request('GET', `/api/reports/summary?from=${today()}&to=${today()}&groupBy=agent`);
    expect(byAgent.body.rows.find((r: { key: string }) => r.key === String(ana))).toMatchObject({
      label: 'Ana Restrepo',
      served: 1,
      idleSeconds: 0,
    });
    const byDay = await sup.request('GET', `/api/reports/summary?from=${today()}&to=${today()}&groupBy=day`);
    expect(byDay.body.rows).toEqual([expect.objectContaining({ key: today(), tickets: 3 })]);
  });

  it('idle, break and wrap-up time come from the shift state periods', async () => {
    const bruno = (await app.db('users').where({ email: 'bruno@andino.demo' }).first('id')).id;
    const shiftId = '00000000-0000-4000-8000-00000000b001';
    // Fixed local times of today (not "now minus N"): the suite may run across the branch's midnight.
    const at = (hhmm: string) =>
      app.db.raw(`(cast(? as date) + cast(? as time)) at time zone 'America/Bogota'`, [today(), hhmm]);
    await app.db('shifts').insert({
      id: shiftId,
      user_id: bruno,
      branch_id: centro,
      desk_id: desk + 1,
      state: 'online',
      state_since: at('12:17'),
      started_at: at('12:00'),
      ended_at: at('12:17'),
      workflow_id: `shift-${bruno}-${shiftId}`,
    });
    await app.db('shift_state_periods').insert([
      { shift_id: shiftId, seq: 1, state: 'online', started_at: at('12:00'), ended_at: at('12:10') },
      { shift_id: shiftId, seq: 2, state: 'lunch', started_at: at('12:10'), ended_at: at('12:15') },
      { shift_id: shiftId, seq: 3, state: 'documenting', started_at: at('12:15'), ended_at: at('12:17') },
    ]);
    const res = await sup.request(
      'GET',
      `/api/reports/summary?from=${today()}&to=${today()}&groupBy=agent&agentId=${bruno}`,
    );
    expect(res.status).toBe(200);
    // Bruno served nothing: all his online time was idle, and he still has a row.
    expect(res.body.rows).toEqual([
      expect.objectContaining({
        key: String(bruno),
        label: 'Bruno Cárdenas',
        tickets: 0,
        idleSeconds: 600,
        breakSeconds: 300,
        wrapUpSeconds: 120,
      }),
    ]);
    // Shift time belongs to no service: narrowing to one leaves it out.
    const narrowed = await sup.request(
      'GET',
      `/api/reports/summary?from=${today()}&to=${today()}&groupBy=agent&serviceId=${serviceC}`,
    );
    expect(narrowed.body.rows.map((r: { key: string }) => r.key)).not.toContain(String(bruno));
    expect(narrowed.body.rows.every((r: { idleSeconds: unknown }) => r.idleSeconds === null)).toBe(true);
    const byBranch = await sup.request('GET', `/api/reports/summary?from=${today()}&to=${today()}&groupBy=branch`);
    const centroRow = byBranch.body.rows.find((r: { key: string }) => r.key === String(centro));
    expect(centroRow).toMatchObject({ idleSeconds: 600, breakSeconds: 300, wrapUpSeconds: 120 });
  });

  it("a shift period across the branch's midnight counts on each day for its own part", async () => {
    const carla = (await app.db('users').where({ email: 'carla@andino.demo' }).first('id')).id;
    const shiftId = '00000000-0000-4000-8000-00000000c001';
    const yesterday = new Date(Date.parse(`${today()}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const at = (day: string, hhmm: string) =>
      app.db.raw(`(cast(? as date) + cast(? as time)) at time zone 'America/Bogota'`, [day, hhmm]);
    await app.db('shifts').insert({
      id: shiftId,
      user_id: carla,
      branch_id: centro,
      desk_id: desk + 2,
      state: 'online',
      state_since: at(today(), '00:10'),
      started_at: at(yesterday, '23:50'),
      ended_at: at(today(), '00:10'),
      workflow_id: `shift-${carla}-${shiftId}`,
    });
    await app.db('shift_state_periods').insert({
      shift_id: shiftId,
      seq: 1,
      state: 'online',
      started_at: at(yesterday, '23:50'),
      ended_at: at(today(), '00:10'),
    });
    for (const day of [yesterday, today()]) {
      const res = await sup.request('GET', `/api/reports/summary?from=${day}&to=${day}&groupBy=agent&agentId=${carla}`);
      expect(res.body.rows).toEqual([expect.objectContaining({ key: String(carla), idleSeconds: 600 })]);
    }
    const both = await sup.request(
      'GET',
      `/api/reports/summary?from=${yesterday}&to=${today()}&groupBy=agent&agentId=${carla}`,
    );
    expect(both.body.rows).toEqual([expect.objectContaining({ key: String(carla), idleSeconds: 1200 })]);
    await app.db('shift_state_periods').where({ shift_id: shiftId }).delete();
    await app.db('shifts').where({ id: shiftId }).delete();
  });

  it('exports CSV in the asked language: labelled headers with units, decimals and dates as written there, escaping', async () => {
    const csv = async (query: string, headers: Record<string, string> = {}) => {
      const res = await fetch(`${app.url}/api/reports/summary.csv?from=${today()}&to=${today()}&${query}`, {
        headers: { cookie: sup.cookie, ...headers },
      });
      expect(res.status).toBe(200);
      const lines = (await res.text())
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      return { res, lines };
    };
    const { res, lines } = await csv('groupBy=service&lang=es');
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="ventanilla-service-${today()}-${today()}.csv"`,
    );
    expect(lines[0]).toBe(
      'Id;Servicio;Turnos;Atendidos;Espera media (min);Traslado medio (min);Atención media (min);Llamados;' +
        'Llamados dentro del SLA;Esperando fuera del SLA;En SLA (%);Se fueron antes del llamado;Cancelados por el personal;' +
        'No se presentaron (tiempo agotado);No se presentaron (marcado por el asesor);Citas perdidas;' +
        'No se presentaron (total);Cancelados (total);Abandono (%);Ocupación (%);Tiempo ocioso (min);Pausas (min);Documentación (min)',
    );
    // C: 3 tickets, 1 served, 1 left (33,3 % abandonment, with the decimal comma), no agent time by service.
    const c = lines.find((l) => l.startsWith(`${serviceC};`))!.split(';');
    expect(c.slice(0, 4)).toEqual([String(serviceC), 'C · Depósitos y retiros', '3', '1']);
    expect(c.slice(11, 19)).toEqual(['1', '0', '0', '0', '0', '0', '1', '33,3']);
    expect(c.slice(19)).toEqual(['', '', '', '']); // occupancy and agent time: none by service
    // Without `lang`, the browser's language; English: its headers, the decimal point, commas between fields.
    const en = await csv('groupBy=day', { 'Accept-Language': 'en-US,en;q=0.9' });
    expect(en.lines[0]).toMatch(/^Date \(YYYY-MM-DD\),Day,Tickets,Served,Average wait \(min\),/);
    const [y, m, d] = today().split('-');
    expect(en.lines[1]).toMatch(new RegExp(`^${today()},${m}/${d}/${y},3,1,`));
    expect(en.lines[1]).toContain(',33.3,');
    const es = await csv('groupBy=day');
    expect(es.lines[1]!.startsWith(`${today()};${d}/${m}/${y};3;1;`)).toBe(true);
    const fr = await sup.request('GET', `/api/reports/summary.csv?from=${today()}&to=${today()}&lang=fr`);
    expect([fr.status, Object.keys(fr.body.fields ?? {})]).toEqual([400, ['lang']]);
    expect(csvField('a "b", c')).toBe('"a ""b"", c"');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('línea\nnueva')).toBe('"línea\nnueva"');
  });

  it('validates the query and the scope', async () => {
    const long = await sup.request('GET', '/api/reports/summary?from=2025-01-01&to=2026-06-01');
    expect(long.status).toBe(400);
    expect(long.body.fields).toHaveProperty('to');
    expect((await sup.request('GET', '/api/reports/summary?from=2026-13-01&to=2026-01-01')).status).toBe(400);
    expect(
      (await sup.request('GET', `/api/reports/summary?from=${today()}&to=${today()}&groupBy=weather`)).status,
    ).toBe(400);
    expect(
      (await sup.request('GET', `/api/reports/summary?from=${today()}&to=${today()}&branchId=${norte}`)).status,
    ).toBe(403);
    const agent = await app.login('ana@andino.demo');
    expect((await agent.request('GET', `/api/reports/summary?from=${today()}&to=${today()}`)).status).toBe(403);
    expect((await fetch(`${app.url}/api/reports/summary?from=${today()}&to=${today()}`)).status).toBe(401);
  });
});
