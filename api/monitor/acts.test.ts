// Issue 19, "a monitor that acts": today's SLA counts customers still waiting past the target;
// agents are shown with what they serve and for how long (server time); a supervisor acts on
// tickets and agents of their own branch only. Real API, Temporal and PostgreSQL, demo data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppStack, type ApiClient, type AppStack } from '../../tests/support/app-stack.js';
import { until } from '../../tests/support/until.js';

let app: AppStack;
let sup: ApiClient;
let admin: ApiClient;
let centro: number;
let norte: number;
let serviceC: number;
let ana: number;
let desk: number;

interface Svc {
  id: number;
  waiting: number;
  calledToday: number;
  waitingOverSla: number;
  withinSla: number;
  slaPercent: number | null;
}
const snapshot = async () => {
  const res = await sup.request('GET', `/api/monitor/branches/${centro}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};
const serviceOf = async (id: number): Promise<Svc> => ((await snapshot()).services as Svc[]).find((s) => s.id === id)!;

beforeAll(async () => {
  app = await createAppStack();
  sup = await app.login('supervisor@andino.demo');
  admin = await app.login('admin@andino.demo');
  centro = (await app.db('branches').where({ code: 'CEN' }).first('id')).id;
  norte = (await app.db('branches').where({ code: 'NOR' }).first('id')).id;
  serviceC = (await app.db('services').where({ branch_id: centro, label: 'C' }).first('id')).id;
  ana = (await app.db('users').where({ email: 'ana@andino.demo' }).first('id')).id;
  desk = (await app.db('desks').where({ branch_id: centro }).orderBy('id').first('id')).id;
}, 120_000);
afterAll(() => app?.closeAll());

describe('issue 19: SLA today counts customers still waiting past the target', () => {
  it('a never-called customer waiting past the target is a miss, per service and per branch', async () => {
    await app.db('services').where({ id: serviceC }).update({ sla_target_seconds: 300 });
    // One customer called at once: within the target.
    const served = await sup.request('POST', '/api/tickets', { serviceId: serviceC });
    expect(served.status).toBe(201);
    const called = await sup.request('POST', `/api/tickets/${served.body.id}/call`, { agentId: ana, deskId: desk });
    expect(called.status, JSON.stringify(called.body)).toBe(200);
    let c = await serviceOf(serviceC);
    expect(c).toMatchObject({ calledToday: 1, withinSla: 1, waitingOverSla: 0, slaPercent: 100 });

    // Another has waited 9 minutes against a 5-minute target, and nobody called them yet.
    const late = await sup.request('POST', '/api/tickets', { serviceId: serviceC });
    expect(late.status).toBe(201);
    const nineMinutes = app.db.raw(`now() - interval '9 minutes'`);
    // As if it had arrived then: the row and its timeline (the reports measure waits from it).
    await app.db('tickets').where({ id: late.body.id }).update({ arrival_at: nineMinutes, queued_at: nineMinutes });
    await app.db('ticket_events').where({ ticket_id: late.body.id }).update({ at: nineMinutes });
    // And one who just arrived: not a miss (yet), and not counted at all until called.
    expect((await sup.request('POST', '/api/tickets', { serviceId: serviceC })).status).toBe(201);

    c = await serviceOf(serviceC);
    expect(c).toMatchObject({ waiting: 2, calledToday: 1, withinSla: 1, waitingOverSla: 1, slaPercent: 50 });
    const totals = (await snapshot()).totals;
    expect(totals.waitingOverSla).toBeGreaterThanOrEqual(1);
    expect(totals.slaPercent).toBe(
      Math.round((1000 * totals.withinSla) / (totals.calledToday + totals.waitingOverSla)) / 10,
    );
    expect(totals.slaPercent).toBeLessThan(100);

    // Called late, the miss is counted once: as a call beyond the target, not as a waiting one too.
    await sup.request('POST', `/api/tickets/${served.body.id}/recall`, {});
    expect((await sup.request('POST', `/api/tickets/${served.body.id}/cancel`, { reason: 'prueba' })).status).toBe(200);
    const lateCall = await sup.request('POST', `/api/tickets/${late.body.id}/call`, { agentId: ana, deskId: desk });
    expect(lateCall.status, JSON.stringify(lateCall.body)).toBe(200);
    c = await serviceOf(serviceC);
    expect(c).toMatchObject({ calledToday: 2, withinSla: 1, waitingOverSla: 0, slaPercent: 50 });
    expect((await sup.request('POST', `/api/tickets/${late.body.id}/cancel`, { reason: 'prueba' })).status).toBe(200);
  });
});

describe('issue 19: agents shown as serving, with the ticket and for how long', () => {
  it("an agent calling a ticket shows it with the server's seconds in that status", async () => {
    const t = await sup.request('POST', '/api/tickets', { serviceId: serviceC });
    expect((await sup.request('POST', `/api/tickets/${t.body.id}/call`, { agentId: ana, deskId: desk })).status).toBe(
      200,
    );
    await app
      .db('tickets')
      .where({ id: t.body.id })
      .update({ status_at: app.db.raw(`now() - interval '95 seconds'`) });
    const row = ((await snapshot()).agents as { userId: number; ticket: Record<string, unknown> | null }[]).find(
      (a) => a.userId === ana,
    )!;
    expect(row.ticket).toMatchObject({ id: t.body.id, status: 'calling' });
    expect(row.ticket!.secondsInStatus).toBeGreaterThanOrEqual(95);
    expect(row.ticket!.secondsInStatus).toBeLessThan(120);
    expect((await sup.request('POST', `/api/tickets/${t.body.id}/cancel`, { reason: 'prueba' })).status).toBe(200);
    await until(
      'the agent to be free',
      async () =>
        !(await app.db('tickets').where({ agent_id: ana }).whereIn('status', ['calling', 'attending']).first()),
    );
  });
});

describe('issue 19: a supervisor acts on their own branch only', () => {
  it("refuses a supervisor's ticket actions on another branch; the entity's admin may", async () => {
    const norteService = (await app.db('services').where({ branch_id: norte }).orderBy('id').first('id')).id;
    const t = await admin.request('POST', '/api/tickets', { serviceId: norteService });
    expect(t.status, JSON.stringify(t.body)).toBe(201);
    for (const [action, body] of [
      ['cancel', { reason: 'x' }],
      ['transfer', { serviceId: norteService, reason: 'x' }],
      ['call', { agentId: ana }],
    ] as const) {
      const res = await sup.request('POST', `/api/tickets/${t.body.id}/${action}`, body);
      expect([action, res.status, res.body.code]).toEqual([action, 403, 'OtherBranch']);
    }
    const monitor = await sup.request('GET', `/api/monitor/branches/${norte}`);
    expect(monitor.body.code).toBe('OtherBranch');
    const cancelled = await admin.request('POST', `/api/tickets/${t.body.id}/cancel`, { reason: 'x' });
    expect([cancelled.status, cancelled.body.status]).toEqual([200, 'cancelled']);
  });
});

describe("issue 19: a supervisor acts on an agent's shift", () => {
  it('puts an agent in a state, and ends the shift with the customer back in the queue, keeping the arrival', async () => {
    const agent = await app.login('ana@andino.demo');
    // Offline and in manual mode: dispatch hands her nobody of the customers left waiting above.
    const opened = await agent.request('POST', '/api/shifts', { deskId: desk, state: 'offline' });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const shiftId = opened.body.id as string;
    expect((await agent.request('POST', '/api/shifts/current/manual', { manual: true })).status).toBe(200);

    const resting = await sup.request('POST', `/api/monitor/shifts/${shiftId}/state`, { state: 'resting' });
    expect([resting.status, resting.body.state], JSON.stringify(resting.body)).toEqual([200, 'resting']);
    // An agent never acts from the monitor, not even on their own shift.
    const own = await agent.request('POST', `/api/monitor/shifts/${shiftId}/state`, { state: 'online' });
    expect([own.status, own.body.code]).toEqual([403, 'BackOfficeStaffOnly']);
    expect((await sup.request('POST', `/api/monitor/shifts/${shiftId}/state`, { state: 'online' })).status).toBe(200);

    const t = await sup.request('POST', '/api/tickets', { serviceId: serviceC });
    const call = await agent.request('POST', `/api/tickets/${t.body.id}/call`, {});
    expect(call.status, JSON.stringify(call.body)).toBe(200);
    const before = await app.db('tickets').where({ id: t.body.id }).first('arrival_at', 'status');
    expect(before.status).toBe('calling');
    // The monitor shows her calling that ticket.
    const row = ((await snapshot()).agents as { userId: number; ticket: { id: string } | null }[]).find(
      (a) => a.userId === ana,
    )!;
    expect(row.ticket?.id).toBe(t.body.id);

    const ended = await sup.request('POST', `/api/monitor/shifts/${shiftId}/end`, { reason: 'Olvidó cerrar sesión' });
    expect(ended.status, JSON.stringify(ended.body)).toBe(200);
    expect(ended.body.endedAt).not.toBeNull();
    const after = await app.db('tickets').where({ id: t.body.id }).first('arrival_at', 'status', 'agent_id');
    expect(after).toEqual({ arrival_at: before.arrival_at, status: 'waiting', agent_id: null });
    const supId = (await app.db('users').where({ email: 'supervisor@andino.demo' }).first('id')).id;
    const requeued = await app
      .db('ticket_events')
      .where({ ticket_id: t.body.id, type: 'requeued' })
      .first('actor_id', app.db.raw(`details->>'reason' as reason`));
    expect(requeued).toEqual({ actor_id: supId, reason: 'Olvidó cerrar sesión' });
    expect(await app.db('shifts').where({ id: shiftId }).whereNull('ended_at').first()).toBeUndefined();
    expect((await sup.request('POST', `/api/tickets/${t.body.id}/cancel`, {})).status).toBe(200);
  });

  it("refuses a supervisor another branch's shift; the entity's admin may end it", async () => {
    const elena = await app.login('elena@andino.demo');
    const norteDesk = (await app.db('desks').where({ branch_id: norte }).orderBy('id').first('id')).id;
    const opened = await elena.request('POST', '/api/shifts', { deskId: norteDesk, state: 'online' });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const id = opened.body.id as string;
    for (const [path, body] of [
      ['state', { state: 'resting' }],
      ['end', { reason: 'x' }],
    ] as const) {
      const res = await sup.request('POST', `/api/monitor/shifts/${id}/${path}`, body);
      expect([path, res.status, res.body.code]).toEqual([path, 403, 'OtherBranch']);
    }
    expect(await app.db('shifts').where({ id }).first('state', 'ended_at')).toEqual({
      state: 'online',
      ended_at: null,
    });
    const ended = await admin.request('POST', `/api/monitor/shifts/${id}/end`, {});
    expect([ended.status, ended.body.endedAt === null]).toEqual([200, false]);
  });
});
