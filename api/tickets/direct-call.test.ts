// Issue 16: a supervisor's call to a named agent respects that agent's availability, like the
// agent's own "Attend" (A12): not while they are on a break, not while they serve someone else.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppStack, type AppStack } from '../../tests/support/app-stack.js';

let app: AppStack;
beforeAll(async () => {
  app = await createAppStack();
});
afterAll(() => app?.closeAll());

describe('issue 16: a supervisor calls a ticket to a named agent', () => {
  it('is refused, naming the agent, while the agent is not Online or already serves a customer; works once they are free', async () => {
    const sup = await app.login('supervisor@andino.demo');
    const diego = await app.login('diego@andino.demo');
    const centro = await app.db('branches').where({ code: 'CEN' }).first('id');
    const service = await app.db('services').where({ label: 'C', branch_id: centro.id }).first('id');
    const agent = await app.db('users').where({ email: 'diego@andino.demo' }).first('id', 'first_name', 'last_name');
    const name = `${agent.first_name} ${agent.last_name}`;
    const desk = await app
      .db('desks')
      .where({ branch_id: centro.id })
      .whereNotIn('id', app.db('shifts').whereNull('ended_at').select('desk_id'))
      .first('id');
    // Diego at a desk, in manual mode (nothing is dispatched to him on its own), on a break.
    for (const [path, body] of [
      ['/api/shifts', { deskId: desk.id, state: 'offline' }],
      ['/api/shifts/current/manual', { manual: true }],
      ['/api/shifts/current/state', { state: 'resting' }],
    ] as const) {
      const r = await diego.request('POST', path, body);
      expect(r.status, `${path} ${JSON.stringify(r.body)}`).toBeLessThan(300);
    }
    const ticket = async () => (await sup.request('POST', '/api/tickets', { serviceId: service.id })).body.id as string;
    const call = (id: string) => sup.request('POST', `/api/tickets/${id}/call`, { agentId: agent.id });
    const status = async (id: string) => (await app.db('tickets').where({ id }).first('status')).status as string;

    const first = await ticket();
    const onBreak = await call(first);
    expect(onBreak.status, JSON.stringify(onBreak.body)).toBe(409);
    expect(onBreak.body).toMatchObject({ code: 'AgentNotOnline', params: { agent: name, state: 'resting' } });
    expect(await status(first)).toBe('waiting');

    expect((await diego.request('POST', '/api/shifts/current/state', { state: 'online' })).status).toBe(200);
    const called = await call(first);
    expect(called.status, JSON.stringify(called.body)).toBe(200);
    expect(await app.db('tickets').where({ id: first }).first('status', 'agent_id', 'desk_id')).toEqual({
      status: 'calling',
      agent_id: agent.id,
      desk_id: desk.id,
    });
    // The call went through Diego's shift: it knows what he serves.
    expect((await diego.request('GET', '/api/shifts/current')).body).toMatchObject({ currentTicketId: first });

    const second = await ticket();
    const busy = await call(second);
    expect(busy.status, JSON.stringify(busy.body)).toBe(409);
    expect(busy.body).toMatchObject({ code: 'AgentNotFree', params: { agent: name } });
    expect(await status(second)).toBe('waiting');

    for (const id of [first, second]) await sup.request('POST', `/api/tickets/${id}/cancel`, {});
    await diego.request('POST', '/api/shifts/current/end', {});
  });
});
