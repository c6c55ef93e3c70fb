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
    // Online in manual mode: she calls by hand, and dispatch gives her nothing by itself.
    expect((await ana.request('POST', '/api/shifts/current/manual', { manual: true })).status).toBe(200);
    expect((await ana.request('POST', '/api/shifts/current/state', { state: 'online' })).status).toBe(200);
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

describe('A11/C3 time in status (issue 16)', () => {
  it("statusSince moves with the status only: a note, topics or a customer edit leave the desk's clock running", async () => {
    const sup = await app.login('supervisor@andino.demo');
    const centro = await app.db('branches').where({ code: 'CEN' }).first('id');
    const service = await app.db('services').where({ label: 'C', branch_id: centro.id }).first('id');
    const topicIds: number[] = await app.db('topics').where({ service_id: service.id }).pluck('id');
    const carla = await app.db('users').where({ email: 'carla@andino.demo' }).first('id');
    const desk = await app
      .db('desks')
      .where({ branch_id: centro.id })
      .whereNotIn('id', app.db('shifts').whereNull('ended_at').select('desk_id'))
      .first('id');
    const t = (await sup.request('POST', '/api/tickets', { serviceId: service.id })).body;
    const step = async (path: string, body: object = {}) => {
      const r = await sup.request('POST', `/api/tickets/${t.id}/${path}`, body);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      return r.body as { status: string; statusSince: string };
    };
    await step('call', { agentId: carla.id, deskId: desk.id });
    const attending = await step('attend');
    expect(attending.status).toBe('attending');
    for (const [path, body] of [
      ['notes', { text: 'Trae los documentos' }],
      ['topics', { topicIds: topicIds.slice(0, 1) }],
      ['customer', { firstName: 'Gloria', lastName: 'Gutiérrez' }],
    ] as const) {
      await new Promise((r) => setTimeout(r, 20)); // so that a moved clock would show
      expect((await step(path, body)).statusSince, path).toBe(attending.statusSince);
    }
    expect((await sup.request('GET', `/api/tickets/${t.id}`)).body.statusSince).toBe(attending.statusSince);
    const finished = await step('finish');
    expect(Date.parse(finished.statusSince)).toBeGreaterThan(Date.parse(attending.statusSince));
  });
});

describe('B5 search (issue 16)', () => {
  it('finds a customer whatever the accents and case ("gutierrez" finds Gutiérrez), and a ticket by its agent\'s name', async () => {
    const sup = await app.login('supervisor@andino.demo');
    const centro = await app.db('branches').where({ code: 'CEN' }).first('id');
    const service = await app.db('services').where({ label: 'C', branch_id: centro.id }).first('id');
    const served = (
      await sup.request('POST', '/api/tickets', {
        serviceId: service.id,
        customer: { firstName: 'Begoña', lastName: 'Gutiérrez Núñez', idNumber: 'B5-16-001' },
      })
    ).body;
    const diego = await app.db('users').where({ email: 'diego@andino.demo' }).first('id', 'first_name', 'last_name');
    const desk = await app
      .db('desks')
      .where({ branch_id: centro.id })
      .whereNotIn('id', app.db('shifts').whereNull('ended_at').select('desk_id'))
      .first('id');
    expect(
      (await sup.request('POST', `/api/tickets/${served.id}/call`, { agentId: diego.id, deskId: desk.id })).status,
    ).toBe(200);
    const search = async (q: string) =>
      (
        await sup.request(
          'GET',
          `/api/tickets?range=${encodeURIComponent('[0,99]')}&filter=${encodeURIComponent(JSON.stringify({ q }))}`,
        )
      ).body.map((t: { id: string }) => t.id) as string[];
    for (const q of ['gutierrez', 'GUTIÉRREZ', 'begona gutierrez nunez', 'B5-16'])
      expect(await search(q), q).toContain(served.id);
    expect(await search(`${diego.first_name} ${diego.last_name}`.toLowerCase())).toContain(served.id);
    expect(await search('gutierrezz')).not.toContain(served.id);
    // The customer picker (B6) folds the same way.
    const customers = await sup.request(
      'GET',
      `/api/customers?filter=${encodeURIComponent(JSON.stringify({ q: 'begona' }))}`,
    );
    expect(customers.body.map((c: { idNumber: string }) => c.idNumber)).toContain('B5-16-001');
    await sup.request('POST', `/api/tickets/${served.id}/cancel`, {});
  });
});
