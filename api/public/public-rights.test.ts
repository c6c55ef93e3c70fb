// Issue 13, the public rows of the ticket-rights rule, over real HTTP on the real stack: the
// status-page token leaves the queue while scheduled or waiting; the kiosk checks in today's
// appointments of its own branch, found by the customer's ID number, and tells strangers nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppStack, type ApiClient, type AppStack } from '../../tests/support/app-stack.js';
import { inHours, zoneWithRoomToday } from '../../tests/support/today.js';
import { issueStatusToken, ticketOfToken } from './tokens.js';

let app: AppStack;
let admin: ApiClient;
let ana: ApiClient;
let centro: { id: number; serviceId: number; deskId: number };
let norte: { id: number; serviceId: number };

const post = (path: string, body: unknown = {}) =>
  fetch(`${app.url}/api${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  }).then(async (r) => ({ status: r.status, body: (await r.json()) as Record<string, any> })); // eslint-disable-line @typescript-eslint/no-explicit-any -- asserted field by field
const statusOf = async (ticketId: string) =>
  (await app.db('tickets').where({ id: ticketId }).first('status')).status as string;
const eventsOf = async (ticketId: string) =>
  app
    .db('ticket_events')
    .where({ ticket_id: ticketId })
    .orderBy('seq')
    .select('type', 'actor_type', 'actor_name', 'details');

async function kioskTicket(): Promise<{ ticketId: string; token: string; number: string }> {
  const res = await post(`/public/branches/${centro.id}/tickets`, { serviceId: centro.serviceId });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return {
    ticketId: (await ticketOfToken(app.db, res.body.token as string))!,
    token: res.body.token as string,
    number: res.body.number as string,
  };
}

async function appointment(branch: { serviceId: number }, at: string, idNumber: string): Promise<string> {
  const res = await admin.request('POST', '/api/tickets', {
    serviceId: branch.serviceId,
    kind: 'appointment',
    scheduledAt: at,
    customer: { firstName: 'Cita', lastName: 'Prueba', idNumber },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  expect(res.body.status).toBe('scheduled');
  return res.body.id as string;
}

beforeAll(async () => {
  app = await createAppStack();
  admin = await app.login('admin@andino.demo');
  ana = await app.login('ana@andino.demo');
  // "Today" is the branch's calendar day: the branches get a zone where the test's hours stay on it.
  await app.db('branches').update({ timezone: zoneWithRoomToday() });
  const cen = await app.db('branches').where({ code: 'CEN' }).first('id');
  const nor = await app.db('branches').where({ code: 'NOR' }).first('id');
  centro = {
    id: cen.id,
    serviceId: (await app.db('services').where({ branch_id: cen.id, label: 'C' }).first('id')).id,
    deskId: (await app.db('desks').where({ branch_id: cen.id }).orderBy('id').first('id')).id,
  };
  norte = { id: nor.id, serviceId: (await app.db('services').where({ branch_id: nor.id }).first('id')).id };
});
afterAll(() => app?.closeAll());

describe('the status-page token leaves the queue', () => {
  it('while waiting: the ticket is cancelled with the customer on its timeline, and leaving again answers the same', async () => {
    const { ticketId, token, number } = await kioskTicket();
    const res = await post(`/public/tickets/${token}/leave`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ number, status: 'cancelled' });
    expect(await statusOf(ticketId)).toBe('cancelled');
    expect((await eventsOf(ticketId)).at(-1)).toEqual({
      type: 'cancelled',
      actor_type: 'customer',
      actor_name: 'status page',
      details: { reason: 'left_queue' },
    });
    const timeline = await admin.request('GET', `/api/tickets/${ticketId}/timeline`);
    expect(timeline.body.at(-1)).toMatchObject({
      type: 'cancelled',
      from: 'waiting',
      to: 'cancelled',
      actor: { type: 'customer' },
    });

    const again = await post(`/public/tickets/${token}/leave`);
    expect(again).toEqual(res);
    expect((await eventsOf(ticketId)).filter((e) => e.type === 'cancelled')).toHaveLength(1);
  });

  it('two taps at once cancel once and both answer the cancelled status', async () => {
    const { ticketId, token } = await kioskTicket();
    const answers = await Promise.all([post(`/public/tickets/${token}/leave`), post(`/public/tickets/${token}/leave`)]);
    expect(answers.map((a) => [a.status, a.body.status])).toEqual([
      [200, 'cancelled'],
      [200, 'cancelled'],
    ]);
    expect((await eventsOf(ticketId)).filter((e) => e.type === 'cancelled')).toHaveLength(1);
  });

  it('while scheduled: an appointment is cancelled by its customer', async () => {
    const ticketId = await appointment(centro, inHours(2), '70100200');
    const token = await issueStatusToken(app.db, ticketId);
    const res = await post(`/public/tickets/${token}/leave`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.status).toBe('cancelled');
    expect((await eventsOf(ticketId)).at(-1)).toMatchObject({ type: 'cancelled', actor_type: 'customer' });
  });

  it('refused while calling or attending, with TicketNotInStatus, and the ticket is unchanged', async () => {
    const { ticketId, token, number } = await kioskTicket();
    const shift = await ana.request('POST', '/api/shifts', { deskId: centro.deskId, state: 'offline' });
    expect(shift.status, JSON.stringify(shift.body)).toBe(201);
    await ana.request('POST', '/api/shifts/current/manual', { manual: true }); // she calls by hand (issue 16: Online)
    await ana.request('POST', '/api/shifts/current/state', { state: 'online' });
    try {
      expect((await ana.request('POST', `/api/tickets/${ticketId}/call`, {})).body.status).toBe('calling');
      for (const status of ['calling', 'attending']) {
        if (status === 'attending')
          expect((await ana.request('POST', `/api/tickets/${ticketId}/attend`, {})).body.status).toBe('attending');
        const before = await eventsOf(ticketId);
        const res = await post(`/public/tickets/${token}/leave`);
        expect(res.status).toBe(409);
        expect(res.body).toMatchObject({
          error: 'IllegalTransition',
          code: 'TicketNotInStatus',
          params: { number, status, action: 'leave', allowed: ['scheduled', 'waiting'] },
        });
        expect(await statusOf(ticketId)).toBe(status);
        expect(await eventsOf(ticketId)).toEqual(before);
      }
      expect((await ana.request('POST', `/api/tickets/${ticketId}/finish`, {})).body.status).toBe('finished');
      // An ended ticket is no longer in the queue to leave.
      expect((await post(`/public/tickets/${token}/leave`)).body.code).toBe('TicketNotInStatus');
    } finally {
      await ana.request('POST', '/api/shifts/current/end');
    }
  });

  it('an unknown token is LinkInvalid', async () => {
    const res = await post(`/public/tickets/${'x'.repeat(43)}/leave`);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('LinkInvalid');
  });
});

describe('issue 17: the status-page token says "on my way"', () => {
  it('once per call: the call waits one more call time-out from then, the step is on the timeline, and saying it again answers the same', async () => {
    // The service's rules are read when a ticket is issued: a short time-out for this ticket only.
    const service = app.db('services').where({ id: centro.serviceId });
    const { call_timeout_seconds: usual } = await service.clone().first('call_timeout_seconds');
    await service.clone().update({ call_timeout_seconds: 4 });
    const issued = await kioskTicket().finally(() => service.clone().update({ call_timeout_seconds: usual }));
    const { ticketId, token, number } = issued;
    const waiting = await post(`/public/tickets/${token}/on-my-way`);
    expect(waiting.status).toBe(409);
    expect(waiting.body).toMatchObject({ code: 'TicketNotInStatus', params: { number, action: 'say on my way' } });

    const shift = await ana.request('POST', '/api/shifts', { deskId: centro.deskId, state: 'offline' });
    expect(shift.status, JSON.stringify(shift.body)).toBe(201);
    await ana.request('POST', '/api/shifts/current/manual', { manual: true }); // she calls by hand (issue 16: Online)
    await ana.request('POST', '/api/shifts/current/state', { state: 'online' });
    try {
      expect((await ana.request('POST', `/api/tickets/${ticketId}/call`, {})).body.status).toBe('calling');
      const calledAt = Date.now();
      expect((await fetch(`${app.url}/api/public/tickets/${token}`).then((r) => r.json())).onTheWay).toBe(false);
      await new Promise((r) => setTimeout(r, 2500));

      const res = await post(`/public/tickets/${token}/on-my-way`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body).toMatchObject({ number, status: 'calling', onTheWay: true });
      const saidAt = Date.now();
      expect((await eventsOf(ticketId)).at(-1)).toEqual({
        type: 'on_my_way',
        actor_type: 'customer',
        actor_name: 'status page',
        details: {},
      });
      expect(await post(`/public/tickets/${token}/on-my-way`)).toEqual(res);
      expect((await eventsOf(ticketId)).filter((e) => e.type === 'on_my_way')).toHaveLength(1);

      // Past the first deadline (call + 4 s) the ticket is still called; it times out 4 s after the customer spoke.
      await new Promise((r) => setTimeout(r, Math.max(0, calledAt + 5000 - Date.now())));
      expect(await statusOf(ticketId)).toBe('calling');
      for (let i = 0; (await statusOf(ticketId)) === 'calling'; i++) {
        expect(i).toBeLessThan(150);
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(Date.now() - saidAt).toBeGreaterThanOrEqual(3500);
      const types = (await eventsOf(ticketId)).map((e) => e.type);
      expect(types.slice(0, 3)).toEqual(['created', 'called', 'on_my_way']);
      expect(['requeued', 'no_show']).toContain(types[3]);
    } finally {
      await ana.request('POST', '/api/shifts/current/end');
    }
  }, 60_000);
});

describe("the kiosk checks in today's appointments of its branch", () => {
  it("checks in today's appointment found by the ID number, answering number, service and a status link — nothing personal", async () => {
    const ticketId = await appointment(centro, inHours(2), '52.123.456');
    const res = await post(`/public/branches/${centro.id}/check-in`, { idNumber: '52123456' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(['issuedAt', 'number', 'serviceName', 'statusUrl', 'token']);
    expect(res.body.statusUrl).toBe(`/status/${res.body.token as string}`);
    expect(await statusOf(ticketId)).toBe('waiting');
    expect((await eventsOf(ticketId)).at(-1)).toMatchObject({
      type: 'queued',
      actor_type: 'customer',
      actor_name: 'kiosk',
    });
    const status = await fetch(`${app.url}/api/public/tickets/${res.body.token as string}`).then((r) => r.json());
    expect(status).toMatchObject({ number: res.body.number, status: 'waiting' });

    // Checking in again: refused, without the ticket's details.
    const again = await post(`/public/branches/${centro.id}/check-in`, { idNumber: '52.123.456' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'AlreadyCheckedIn', params: {} });
  });

  it("another branch's appointment, tomorrow's and an unknown ID number get one and the same 404, and nothing changes", async () => {
    const elsewhere = await appointment(norte, inHours(2), '80300400');
    const tomorrow = await appointment(centro, inHours(30), '80500600');
    const unknown = await post(`/public/branches/${centro.id}/check-in`, { idNumber: '11110000' });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ error: 'NotFound', code: 'NoAppointmentToday', params: {} });
    for (const idNumber of ['80300400', '80500600']) {
      const res = await post(`/public/branches/${centro.id}/check-in`, { idNumber });
      expect(res, idNumber).toEqual(unknown);
    }
    expect(await statusOf(elsewhere)).toBe('scheduled');
    expect(await statusOf(tomorrow)).toBe('scheduled');
    // Its own branch's kiosk does check in the other branch's appointment.
    expect((await post(`/public/branches/${norte.id}/check-in`, { idNumber: '80300400' })).status).toBe(200);
  });

  it('a malformed ID number is a 400 with a field code', async () => {
    const res = await post(`/public/branches/${centro.id}/check-in`, { idNumber: 'a b' });
    expect(res.status).toBe(400);
    expect(res.body.fields.idNumber.code).toBe('invalid_format');
  });

  it('is rate-limited per address, like issuing tickets (guessing ID numbers)', async () => {
    const answers = [];
    for (let i = 0; i < 32; i++)
      answers.push(
        (await post(`/public/branches/${centro.id}/check-in`, { idNumber: `9${String(i).padStart(7, '0')}` })).status,
      );
    expect(answers.at(-1)).toBe(429);
  });
});
