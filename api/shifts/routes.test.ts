// G2, A3–A12, F1/F2, H3 through the real API (Express + Temporal dev server + PostgreSQL, demo data).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppStack, type ApiClient, type AppStack } from '../../tests/support/app-stack.js';
import { getTicket } from '../../domain/ticket-messages.js';

let app: AppStack;
let svc: Record<string, number>; // Centro services by label
let desks: number[];
beforeAll(async () => {
  app = await createAppStack();
  const centro = await app.db('branches').where({ code: 'CEN' }).first('id');
  svc = Object.fromEntries(
    (await app.db('services').where({ branch_id: centro.id }).select('id', 'label')).map(
      (s: { id: number; label: string }) => [s.label, s.id],
    ),
  );
  desks = (await app.db('desks').where({ branch_id: centro.id }).orderBy('name').pluck('id')) as number[];
});
afterAll(() => app?.closeAll());

const until = async <T>(what: string, fn: () => Promise<T | undefined | null | false>, ms = 15_000): Promise<T> => {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};
const ticketOf = (id: string) => app.db('tickets').where({ id }).first();
/** The workflow's own state: the row commits a moment before the workflow applies a step. */
const calling = async (id: string) =>
  (await app.client.workflow.getHandle(`ticket-${id}`).query(getTicket)).status === 'calling';
const login = (name: string) => app.login(`${name}@andino.demo`);
const newTicket = async (c: ApiClient, label: string) => {
  const r = await c.request('POST', '/api/tickets', { serviceId: svc[label] });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id as string;
};

describe('G2/A7/A10 log in at a desk', () => {
  it('opens a shift with desk, branch and services; a held desk is refused naming who holds it; bad input is 400', async () => {
    const ana = await login('ana');
    const bruno = await login('bruno');
    const res = await ana.request('POST', '/api/shifts', { deskId: desks[1], state: 'offline' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      deskName: 'Módulo 2',
      branchName: 'Sucursal Centro',
      state: 'offline',
      nextState: null,
      manualMode: false,
      currentTicketId: null,
    });
    expect(res.body.mainServices.map((s: { label: string }) => s.label)).toEqual(['C']);
    expect(res.body.supportServices.map((s: { label: string }) => s.label)).toEqual(['P']);
    const held = await bruno.request('POST', '/api/shifts', { deskId: desks[1] });
    expect(held.status).toBe(409);
    expect(held.body).toMatchObject({
      error: 'Conflict',
      code: 'DeskHeld',
      params: { desk: 'Módulo 2', agent: 'Ana Restrepo' },
      fields: { deskId: { code: 'DeskHeld' } },
    });
    expect((await bruno.request('POST', '/api/shifts', { deskId: 'x' })).body.fields).toHaveProperty('deskId');
    expect((await (await login('supervisor')).request('POST', '/api/shifts', { deskId: desks[2] })).status).toBe(403);
    expect((await ana.request('GET', '/api/shifts/current')).body.id).toBe(res.body.id);
    expect((await ana.request('POST', '/api/shifts/current/end')).status).toBe(200);
    expect((await ana.request('GET', '/api/shifts/current')).status).toBe(404);
    expect((await bruno.request('POST', '/api/shifts', { deskId: desks[1], state: 'offline' })).status).toBe(201);
    expect((await bruno.request('POST', '/api/shifts/current/end')).status).toBe(200);
  });
});

describe('A3/A11 availability states', () => {
  it('enters each state with the time entered; every period is written once and closed by the next', async () => {
    const diego = await login('diego');
    const open = await diego.request('POST', '/api/shifts', { deskId: desks[3], state: 'offline' });
    for (const state of ['resting', 'lunch', 'documenting', 'offline'] as const) {
      const r = await diego.request('POST', '/api/shifts/current/state', { state });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(r.body.state).toBe(state);
      expect(Date.parse(r.body.stateSince)).toBeGreaterThan(Date.parse(open.body.stateSince));
    }
    const same = await diego.request('POST', '/api/shifts/current/state', { state: 'offline' });
    expect(same.status).toBe(409);
    expect((await diego.request('POST', '/api/shifts/current/state', { state: 'dancing' })).status).toBe(400);
    const periods = await app.db('shift_state_periods').where({ shift_id: open.body.id }).orderBy('seq');
    expect(periods.map((p: { seq: number; state: string }) => [p.seq, p.state])).toEqual([
      [1, 'offline'],
      [2, 'resting'],
      [3, 'lunch'],
      [4, 'documenting'],
      [5, 'offline'],
    ]);
    expect(periods.slice(0, -1).every((p: { ended_at: Date | null }) => p.ended_at !== null)).toBe(true);
    expect(periods.at(-1).ended_at).toBeNull();
    const figures = (await diego.request('GET', '/api/shifts/current/figures')).body;
    expect(Object.keys(figures.secondsInState).sort()).toEqual([
      'documenting',
      'lunch',
      'offline',
      'online',
      'resting',
    ]);
    expect((await diego.request('POST', '/api/shifts/current/end')).status).toBe(200);
    expect((await app.db('shift_state_periods').where({ shift_id: open.body.id }).whereNull('ended_at')).length).toBe(
      0,
    );
  });
});

describe('A5/A4/F2/H3 automatic dispatch, next state, log-out refusal', () => {
  it('an Online agent gets the waiting ticket by itself; the next state applies when it ends; log-out waits for the end', async () => {
    const ana = await login('ana');
    await ana.request('POST', '/api/shifts', { deskId: desks[0] });
    const id = await newTicket(ana, 'C');
    await until('dispatch', () => calling(id));
    const called = await ticketOf(id);
    const anaId = (await app.db('users').where({ email: 'ana@andino.demo' }).first('id')).id;
    expect(called).toMatchObject({ agent_id: anaId, desk_id: desks[0] });
    const shift = await until('shift knows its ticket', async () => {
      const s = (await ana.request('GET', '/api/shifts/current')).body;
      return s.currentTicketId === id && s;
    });
    expect(shift.state).toBe('online');

    const refused = await ana.request('POST', '/api/shifts/current/end');
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain(called.number);
    expect((await ana.request('POST', '/api/shifts/current/state', { state: 'lunch' })).status).toBe(409);
    expect((await ana.request('POST', '/api/shifts/current/next-state', { nextState: 'lunch' })).body.nextState).toBe(
      'lunch',
    );

    expect((await ana.request('POST', `/api/tickets/${id}/attend`, {})).status).toBe(200);
    expect((await ana.request('POST', `/api/tickets/${id}/finish`, {})).status).toBe(200);
    const after = await until('next state', async () => {
      const s = (await ana.request('GET', '/api/shifts/current')).body;
      return s.state === 'lunch' && s;
    });
    expect(after).toMatchObject({ nextState: null, currentTicketId: null });
    // On lunch nobody is dispatched to her.
    const waiting = await newTicket(ana, 'C');
    await new Promise((r) => setTimeout(r, 500));
    expect((await ticketOf(waiting)).status).toBe('waiting');
    const list = (await ana.request('GET', '/api/shifts/current/waiting')).body;
    expect(list[0]).toMatchObject({
      ticketId: waiting,
      kind: 'turn',
      support: false,
      serviceName: 'Depósitos y retiros',
    });
    expect(list[0].why).toMatchObject({ code: expect.stringMatching(/^interleave_/) });

    const figures = (await ana.request('GET', '/api/shifts/current/figures')).body;
    expect(figures).toMatchObject({ attentions: 1, finished: 1 });
    // Walking and service time as the timeline has them (the reports' own definitions).
    const at = async (type: string) =>
      (await app.db('ticket_events').where({ ticket_id: id, type }).orderBy('seq').first('at')).at.getTime();
    const [calledAt, attendingAt, finishedAt] = [await at('called'), await at('attending'), await at('finished')];
    expect(figures.walkingSeconds.total).toBeCloseTo((attendingAt - calledAt) / 1000, 1);
    expect(figures.serviceSeconds.total).toBeCloseTo((finishedAt - attendingAt) / 1000, 1);
    expect(figures.secondsInState.online).toBeGreaterThan(0);

    const ended = await ana.request('POST', '/api/shifts/current/end');
    expect(ended.status).toBe(200);
    expect(ended.body.endedAt).not.toBeNull();
    await app.db('tickets').where({ id: waiting }).update({ status: 'cancelled' }); // keep it out of later tests' queues
  });
});

describe('A12 manual mode', () => {
  it('manual mode gives nothing by itself; call-next claims the next ticket; back to automatic dispatches', async () => {
    const bruno = await login('bruno');
    await bruno.request('POST', '/api/shifts', { deskId: desks[2], state: 'offline' });
    expect((await bruno.request('POST', '/api/shifts/current/manual', { manual: true })).body.manualMode).toBe(true);
    await bruno.request('POST', '/api/shifts/current/state', { state: 'online' });
    const first = await newTicket(bruno, 'P');
    const second = await newTicket(bruno, 'P');
    await new Promise((r) => setTimeout(r, 500));
    expect((await ticketOf(first)).status).toBe('waiting');
    expect(
      (await bruno.request('GET', '/api/shifts/current/waiting')).body.map((w: { ticketId: string }) => w.ticketId),
    ).toEqual([first, second]);
    const next = await bruno.request('POST', '/api/shifts/current/call-next');
    expect(next.status, JSON.stringify(next.body)).toBe(200);
    expect(next.body.ticketId).toBe(first);
    expect((await bruno.request('POST', '/api/shifts/current/call-next')).status).toBe(409); // one customer at a time
    expect((await bruno.request('POST', `/api/tickets/${first}/attend`, {})).status).toBe(200);
    expect((await bruno.request('POST', `/api/tickets/${first}/finish`, {})).status).toBe(200);
    await new Promise((r) => setTimeout(r, 500));
    expect((await ticketOf(second)).status).toBe('waiting'); // still manual: finishing does not dispatch
    expect((await bruno.request('POST', '/api/shifts/current/manual', { manual: false })).status).toBe(200);
    await until('dispatch after automatic', () => calling(second));
    await bruno.request('POST', `/api/tickets/${second}/cancel`, {});
    await until('free', async () => (await bruno.request('GET', '/api/shifts/current')).body.currentTicketId === null);
    const end = await bruno.request('POST', '/api/shifts/current/end');
    expect(end.status, JSON.stringify(end.body)).toBe(200);
  });
});

describe('A12/A3 manual mode respects availability (issue 16)', () => {
  it('on a break with manual mode on, Attend is refused (NotOnline) and the agent stays on the break; Online, it calls the chosen customer as the agent', async () => {
    const bruno = await login('bruno');
    await bruno.request('POST', '/api/shifts', { deskId: desks[2], state: 'offline' });
    expect((await bruno.request('POST', '/api/shifts/current/manual', { manual: true })).status).toBe(200);
    const onBreak = await bruno.request('POST', '/api/shifts/current/state', { state: 'resting' });
    expect(onBreak.body.state).toBe('resting');
    const first = await newTicket(bruno, 'P');
    const chosen = await newTicket(bruno, 'P');

    const refused = await bruno.request('POST', `/api/tickets/${chosen}/call`, {});
    expect(refused.status, JSON.stringify(refused.body)).toBe(409);
    expect(refused.body).toMatchObject({ code: 'NotOnline', params: { state: 'resting' } });
    const shift = (await bruno.request('GET', '/api/shifts/current')).body;
    expect(shift).toMatchObject({ state: 'resting', stateSince: onBreak.body.stateSince, currentTicketId: null });
    expect((await ticketOf(chosen)).status).toBe('waiting');
    expect(await app.db('ticket_events').where({ ticket_id: chosen, type: 'called' })).toHaveLength(0);

    await bruno.request('POST', '/api/shifts/current/state', { state: 'online' });
    const called = await bruno.request('POST', `/api/tickets/${chosen}/call`, {});
    expect(called.status, JSON.stringify(called.body)).toBe(200);
    expect(called.body).toMatchObject({ id: chosen, status: 'calling', deskId: desks[2] });
    const step = await app.db('ticket_events').where({ ticket_id: chosen, type: 'called' }).first();
    expect(step).toMatchObject({ actor_type: 'user', actor_name: 'Bruno Cárdenas' });
    expect((await bruno.request('GET', '/api/shifts/current')).body.currentTicketId).toBe(chosen);
    // One customer at a time, the chosen way too.
    expect((await bruno.request('POST', `/api/tickets/${first}/call`, {})).body).toMatchObject({
      code: 'AlreadyHasCustomer',
    });
    await bruno.request('POST', `/api/tickets/${chosen}/cancel`, {});
    await bruno.request('POST', `/api/tickets/${first}/cancel`, {});
    await until('free', async () => (await bruno.request('GET', '/api/shifts/current')).body.currentTicketId === null);
    expect((await bruno.request('POST', '/api/shifts/current/end')).status).toBe(200);
  });
});

describe('A6 support services', () => {
  it('A6: a support ticket is served only once none of the main services has anyone waiting', async () => {
    const carla = await login('carla'); // main A, support C
    await carla.request('POST', '/api/shifts', { deskId: desks[4], state: 'offline' });
    const support = await newTicket(carla, 'C');
    const main = await newTicket(carla, 'A');
    const list = (await carla.request('GET', '/api/shifts/current/waiting')).body;
    expect(list.map((w: { ticketId: string; support: boolean }) => [w.ticketId, w.support])).toEqual([
      [main, false],
      [support, true],
    ]);
    await carla.request('POST', '/api/shifts/current/state', { state: 'online' });
    await until('main first', () => calling(main));
    expect((await ticketOf(support)).status).toBe('waiting');
    expect((await carla.request('POST', `/api/tickets/${main}/attend`, {})).status).toBe(200);
    expect((await carla.request('POST', `/api/tickets/${main}/finish`, {})).status).toBe(200);
    await until('support once main is empty', () => calling(support));
    await carla.request('POST', `/api/tickets/${support}/cancel`, {});
    await until('free', async () => (await carla.request('GET', '/api/shifts/current')).body.currentTicketId === null);
    expect((await carla.request('POST', '/api/shifts/current/end')).status).toBe(200);
  });
});

describe('G3 shifts list for supervisors', () => {
  it('lists the branch shifts (ra-data-simple-rest) and shows one; agents see their own', async () => {
    const sup = await login('supervisor');
    const res = await sup.request('GET', '/api/shifts?filter={"open":false}&range=[0,9]&sort=["startedAt","DESC"]');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-range')).toMatch(/^shifts 0-\d+\/\d+$/);
    expect(res.body.length).toBeGreaterThan(2);
    const one = await sup.request('GET', `/api/shifts/${res.body[0].id}`);
    expect(one.body.id).toBe(res.body[0].id);
    const fabio = await login('fabio');
    expect((await fabio.request('GET', '/api/shifts')).body).toEqual([]);
    expect((await sup.request('GET', '/api/shifts/not-a-uuid')).status).toBe(404);
  });
});
