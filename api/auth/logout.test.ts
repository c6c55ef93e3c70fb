// F1/F2: logging out ends the agent's shift (desk free, Offline); never during an attention.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppStack, type ApiClient, type AppStack } from '../../tests/support/app-stack.js';

let app: AppStack;
beforeAll(async () => {
  app = await createAppStack();
});
afterAll(() => app?.closeAll());

/** Logs the agent in at a free desk of their branch through the shifts API. */
async function openShift(client: ApiClient, email: string): Promise<{ shiftId: string; deskId: number }> {
  const user = await app.db('users').where({ email }).first('branch_id');
  const desk = await app
    .db('desks')
    .where({ branch_id: user.branch_id })
    .whereNotIn('id', app.db('shifts').whereNull('ended_at').select('desk_id'))
    .first('id');
  const res = await client.request('POST', '/api/shifts', { deskId: desk.id });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { shiftId: res.body.id, deskId: desk.id };
}

describe('F1 log out', () => {
  it('ends the open shift, frees the desk and ends the session', async () => {
    const ana = await app.login('ana@andino.demo');
    const { shiftId } = await openShift(ana, 'ana@andino.demo');
    const res = await ana.request('POST', '/api/auth/logout');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const row = await app.db('shifts').where({ id: shiftId }).first('ended_at');
    expect(row.ended_at).not.toBeNull();
    expect((await ana.request('GET', '/api/auth/me')).status).toBe(401);
  });

  it('F2: is refused, with the reason, while the agent is calling a customer', async () => {
    const bruno = await app.login('bruno@andino.demo');
    const { deskId } = await openShift(bruno, 'bruno@andino.demo');
    const service = await app
      .db('services as s')
      .join('service_assignments as a', 'a.service_id', 's.id')
      .join('users as u', 'u.id', 'a.user_id')
      .where('u.email', 'bruno@andino.demo')
      .first('s.id');
    const t = await bruno.request('POST', '/api/tickets', { serviceId: service.id });
    const call = await bruno.request('POST', `/api/tickets/${t.body.id}/call`, { deskId });
    // Online and free, bruno may be given it by dispatch before his own call lands: either way he calls it.
    if (call.status !== 200)
      expect(call.body).toMatchObject({ code: 'TicketNotInStatus', params: { status: 'calling' } });
    const brunoId = (await app.db('users').where({ email: 'bruno@andino.demo' }).first('id')).id;
    expect(await app.db('tickets').where({ id: t.body.id }).first('status', 'agent_id')).toEqual({
      status: 'calling',
      agent_id: brunoId,
    });
    // The shift hears of the attention through a signal: wait until it has it.
    let res = await bruno.request('POST', '/api/auth/logout');
    for (let i = 0; i < 40 && res.status === 200; i++) res = await bruno.request('POST', '/api/auth/logout');
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      error: 'IllegalTransition',
      code: 'BusyCannotLogOut',
      params: { number: expect.stringMatching(/^C-\d{3}$/) },
    });
    expect((await bruno.request('GET', '/api/auth/me')).status).toBe(200);
  });
});
