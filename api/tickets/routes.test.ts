// G3/B6: tickets over real HTTP against the real stack.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppStack, type AppStack } from '../../tests/support/app-stack.js';

let app: AppStack;
beforeAll(async () => {
  app = await createAppStack();
});
afterAll(() => app?.closeAll());

describe('POST /api/tickets', () => {
  it('starts a ticket workflow and the ticket shows in the API, the database and Temporal', async () => {
    const ana = await app.login('ana@andino.demo');
    const service = await app
      .db('services')
      .where({ label: 'C' })
      .join('branches', 'branches.id', 'services.branch_id')
      .where('branches.code', 'CEN')
      .first('services.id');
    const created = await ana.request('POST', '/api/tickets', {
      serviceId: service.id,
      customer: { firstName: 'Pepa', lastName: 'Pérez', idNumber: '99887766' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'waiting', number: 'C-001', kind: 'turn' });
    const list = await ana.request(
      'GET',
      `/api/tickets?range=${encodeURIComponent('[0,9]')}&filter=${encodeURIComponent(JSON.stringify({ status: 'waiting' }))}`,
    );
    expect(list.status).toBe(200);
    expect(list.headers.get('content-range')).toBe('tickets 0-0/1');
    expect(list.body[0]).toMatchObject({ id: created.body.id, customerName: 'Pepa Pérez' });
    const desc = await app.client.workflow.getHandle(`ticket-${created.body.id}`).describe();
    expect(desc.status.name).toBe('RUNNING');
  });

  it('repeating a create with the same Idempotency-Key creates one ticket', async () => {
    const ana = await app.login('ana@andino.demo');
    const service = await app.db('services').where({ label: 'P' }).first('id');
    const headers = { 'Idempotency-Key': 'kiosk-press-000123' };
    const [a, b] = await Promise.all([
      ana.request('POST', '/api/tickets', { serviceId: service.id }, headers),
      ana.request('POST', '/api/tickets', { serviceId: service.id }, headers),
    ]);
    expect(a.body.id).toBe(b.body.id);
    expect(await app.db('tickets').where({ service_id: service.id }).count({ n: '*' })).toEqual([{ n: 1 }]);
  });

  it('bad input gets 400 with field errors and writes nothing', async () => {
    const ana = await app.login('ana@andino.demo');
    const before = await app.db('tickets').count({ n: '*' });
    const bad = await ana.request('POST', '/api/tickets', { serviceId: 'x', kind: 'teleport' });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.fields)).toEqual(expect.arrayContaining(['serviceId', 'kind']));
    const malformed = await ana.request('POST', '/api/tickets', '{"serviceId": 1,');
    expect(malformed.status).toBe(400);
    expect(await app.db('tickets').count({ n: '*' })).toEqual(before);
  });

  it('an illegal step is a 409 with its code and params', async () => {
    const ana = await app.login('ana@andino.demo');
    const service = await app.db('services').where({ label: 'C' }).first('id');
    const t = await ana.request('POST', '/api/tickets', { serviceId: service.id });
    const res = await ana.request('POST', `/api/tickets/${t.body.id}/finish`, {});
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      error: 'IllegalTransition',
      code: 'TicketNotInStatus',
      params: { action: 'finish', status: 'waiting', number: t.body.number },
    });
  });

  it('requires a session', async () => {
    const res = await fetch(`${app.url}/api/tickets`);
    expect(res.status).toBe(401);
  });
});

describe('issue 13: agents act only on tickets they hold (domain/ticket-rights.ts)', () => {
  it('another agent cannot annotate, or edit the customer of, a customer someone else is serving', async () => {
    const [sup, ana, bruno] = await Promise.all([
      app.login('supervisor@andino.demo'),
      app.login('ana@andino.demo'),
      app.login('bruno@andino.demo'),
    ]);
    const desks = await app
      .db('desks')
      .join('branches', 'branches.id', 'desks.branch_id')
      .where('branches.code', 'CEN')
      .orderBy('desks.id')
      .pluck('desks.id');
    const service = await app
      .db('services')
      .where({ label: 'C' })
      .join('branches', 'branches.id', 'services.branch_id')
      .where('branches.code', 'CEN')
      .first('services.id');
    expect((await ana.request('POST', '/api/shifts', { deskId: desks[0], state: 'offline' })).status).toBe(201);
    expect((await bruno.request('POST', '/api/shifts', { deskId: desks[1], state: 'offline' })).status).toBe(201);
    const t = (await sup.request('POST', '/api/tickets', { serviceId: service.id })).body;
    // Nobody holds it: no agent annotates it (that is the holder's or a supervisor's).
    expect((await bruno.request('POST', `/api/tickets/${t.id}/notes`, { text: 'hola' })).body).toMatchObject({
      code: 'HolderOnly',
    });
    const called = await ana.request('POST', `/api/tickets/${t.id}/call`, {});
    expect(called.status, JSON.stringify(called.body)).toBe(200);
    const note = await bruno.request('POST', `/api/tickets/${t.id}/notes`, { text: 'no es mío' });
    expect(note.status).toBe(409);
    expect(note.body).toMatchObject({ code: 'TicketHeldByOther', params: { number: t.number, action: 'notes' } });
    expect((await bruno.request('POST', `/api/tickets/${t.id}/customer`, { firstName: 'Otra' })).body).toMatchObject({
      code: 'TicketHeldByOther',
    });
    expect((await ana.request('POST', `/api/tickets/${t.id}/notes`, { text: 'es mío' })).status).toBe(200);
    expect((await sup.request('POST', `/api/tickets/${t.id}/notes`, { text: 'supervisión' })).status).toBe(200);
    expect((await ana.request('POST', `/api/tickets/${t.id}/requeue`, {})).status).toBe(200);
    // The shift learns of the requeue a moment later (ticket effect): log-out is refused until then.
    await expect
      .poll(async () => (await ana.request('POST', '/api/shifts/current/end')).status, { timeout: 10_000 })
      .toBe(200);
    expect((await bruno.request('POST', '/api/shifts/current/end')).status).toBe(200);
  });
});
