// Issue 19: a shift's timeline — started, each state change, ended — written by the shift's own
// steps; a supervisor's state change and end of shift are named on it with the reason, after the
// customer the agent was calling is put back in the queue with their arrival kept. Real API,
// Temporal and PostgreSQL, demo data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ShiftTimelineEntry } from '../../domain/contracts/shifts.js';
import { createAppStack, type ApiClient, type AppStack } from '../../tests/support/app-stack.js';

let app: AppStack;
let sup: ApiClient;
let centro: number;
let serviceC: number;
let desk: number;

beforeAll(async () => {
  app = await createAppStack();
  sup = await app.login('supervisor@andino.demo');
  centro = (await app.db('branches').where({ code: 'CEN' }).first('id')).id;
  serviceC = (await app.db('services').where({ branch_id: centro, label: 'C' }).first('id')).id;
  desk = (await app.db('desks').where({ branch_id: centro }).orderBy('id').first('id')).id;
}, 120_000);
afterAll(() => app?.closeAll());

describe("issue 19: the shift's timeline", () => {
  it('records start, state changes and the end, naming the supervisor and the reason', async () => {
    const agent = await app.login('ana@andino.demo');
    const opened = await agent.request('POST', '/api/shifts', { deskId: desk, state: 'offline' });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const shiftId = opened.body.id as string;
    expect((await agent.request('POST', '/api/shifts/current/manual', { manual: true })).status).toBe(200);
    expect((await agent.request('POST', '/api/shifts/current/state', { state: 'online' })).status).toBe(200);
    expect((await sup.request('POST', `/api/monitor/shifts/${shiftId}/state`, { state: 'resting' })).status).toBe(200);
    expect((await sup.request('POST', `/api/monitor/shifts/${shiftId}/state`, { state: 'online' })).status).toBe(200);

    // She is calling a customer when the supervisor ends her shift.
    const t = await sup.request('POST', '/api/tickets', { serviceId: serviceC });
    expect((await agent.request('POST', `/api/tickets/${t.body.id}/call`, {})).status).toBe(200);
    const before = await app.db('tickets').where({ id: t.body.id }).first('arrival_at', 'status');
    expect(before.status).toBe('calling');
    const ended = await sup.request('POST', `/api/monitor/shifts/${shiftId}/end`, { reason: 'Olvidó cerrar sesión' });
    expect(ended.status, JSON.stringify(ended.body)).toBe(200);
    // First requeued, keeping the arrival; then the shift ended.
    const after = await app.db('tickets').where({ id: t.body.id }).first('arrival_at', 'status', 'agent_id');
    expect(after).toEqual({ arrival_at: before.arrival_at, status: 'waiting', agent_id: null });
    const requeuedAt = (await app.db('ticket_events').where({ ticket_id: t.body.id, type: 'requeued' }).first('at')).at;

    const res = await sup.request('GET', `/api/shifts/${shiftId}/events`);
    expect(res.status).toBe(200);
    const events = res.body as ShiftTimelineEntry[];
    const ana = (await app.db('users').where({ email: 'ana@andino.demo' }).first('id')).id;
    const supId = (await app.db('users').where({ email: 'supervisor@andino.demo' }).first('id')).id;
    expect(events.map((e) => [e.type, e.state, e.actorType, e.actorId, e.reason])).toEqual([
      ['started', 'offline', 'agent', ana, null],
      ['state_changed', 'online', 'agent', ana, null],
      ['state_changed', 'resting', 'user', supId, null],
      ['state_changed', 'online', 'user', supId, null],
      ['ended', null, 'user', supId, 'Olvidó cerrar sesión'],
    ]);
    expect(events.at(-1)!.actorName).toBe('Sara Molina');
    expect(new Date(events.at(-1)!.at).getTime()).toBeGreaterThanOrEqual(new Date(requeuedAt).getTime());
    expect(new Date(events.at(-1)!.at).toISOString()).toBe(new Date(ended.body.endedAt).toISOString());

    // The agent sees her own shift's timeline; another agent (of another branch) does not.
    expect((await agent.request('GET', `/api/shifts/${shiftId}/events`)).status).toBe(200);
    const elena = await app.login('elena@andino.demo');
    expect((await elena.request('GET', `/api/shifts/${shiftId}/events`)).status).toBe(404);
    expect((await sup.request('GET', `/api/shifts/not-a-uuid/events`)).status).toBe(404);
    expect((await sup.request('POST', `/api/tickets/${t.body.id}/cancel`, {})).status).toBe(200);
  });
});
