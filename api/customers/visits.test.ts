// Issue 16: the customer panel's past visits (GET /api/customers/:id/visits) over real HTTP: the
// figures (date order, service, agent, topics, notes, total against the limit) and who may read them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../db/seed/demo.js';
import { hashPassword } from '../../platform/passwords.js';
import { createAppStack, type AppStack } from '../../tests/support/app-stack.js';
import { createOrg } from '../../tests/support/fixtures.js';

let app: AppStack;
beforeAll(async () => {
  app = await createAppStack();
});
afterAll(() => app?.closeAll());

type Client = Awaited<ReturnType<AppStack['login']>>;

/** A ticket of the customer served by Carla at a free desk of Centro: note, topics, then finish. */
async function serve(sup: Client, body: object, steps: { note?: string; topics?: number[] }) {
  const centro = await app.db('branches').where({ code: 'CEN' }).first('id');
  const carla = await app.db('users').where({ email: 'carla@andino.demo' }).first('id');
  const desk = await app
    .db('desks')
    .where({ branch_id: centro.id })
    .whereNotIn('id', app.db('shifts').whereNull('ended_at').select('desk_id'))
    .first('id');
  const t = (await sup.request('POST', '/api/tickets', body)).body;
  const step = async (path: string, b: object = {}) => {
    const r = await sup.request('POST', `/api/tickets/${t.id}/${path}`, b);
    expect(r.status, `${path}: ${JSON.stringify(r.body)}`).toBe(200);
  };
  await step('call', { agentId: carla.id, deskId: desk.id });
  await step('attend');
  if (steps.note) await step('notes', { text: steps.note });
  if (steps.topics) await step('topics', { topicIds: steps.topics });
  await step('finish');
  return t as { id: string; number: string; customerId: number };
}

describe('GET /api/customers/:id/visits (issue 16)', () => {
  it("lists a customer's ended visits newest first with service, agent, topics and notes; the limit keeps the total", async () => {
    const sup = await app.login('supervisor@andino.demo');
    const centro = await app.db('branches').where({ code: 'CEN' }).first('id');
    const service = await app.db('services').where({ label: 'C', branch_id: centro.id }).first('id', 'name');
    const topic = await app.db('topics').where({ service_id: service.id }).orderBy('id').first('id', 'name');
    const first = await serve(
      sup,
      { serviceId: service.id, customer: { firstName: 'Visita', lastName: 'Panel', idNumber: 'V16-0001' } },
      { note: 'Trae el extracto', topics: [topic.id] },
    );
    const customerId = first.customerId;
    const second = await serve(sup, { serviceId: service.id, customerId }, {});
    // Still waiting: not a past visit.
    expect((await sup.request('POST', '/api/tickets', { serviceId: service.id, customerId })).status).toBe(201);

    const all = await sup.request('GET', `/api/customers/${customerId}/visits`);
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(2);
    expect(all.body.visits.map((v: { number: string }) => v.number)).toEqual([second.number, first.number]);
    expect(all.body.visits[1]).toMatchObject({
      ticketId: first.id,
      status: 'finished',
      serviceName: service.name,
      branchName: 'Sucursal Centro',
      agentName: 'Carla Montoya',
      topics: [topic.name],
      notes: ['Trae el extracto'],
    });
    expect(all.body.visits[0]).toMatchObject({ topics: [], notes: [] });

    const one = await sup.request('GET', `/api/customers/${customerId}/visits?limit=1`);
    expect(one.body).toMatchObject({ total: 2, visits: [{ number: second.number }] });
    expect((await sup.request('GET', `/api/customers/${customerId}/visits?limit=0`)).status).toBe(400);
    expect((await sup.request('GET', `/api/customers/${customerId}/visits?limit=51`)).status).toBe(400);

    // An agent of the branch where the customer was served reads them too.
    const carla = await app.login('carla@andino.demo');
    expect((await carla.request('GET', `/api/customers/${customerId}/visits`)).body.total).toBe(2);
  });

  it("another entity's staff, and an agent of a branch the customer never visited, get 404; no session gets 401", async () => {
    const sup = await app.login('supervisor@andino.demo');
    const centro = await app.db('branches').where({ code: 'CEN' }).first('id');
    const service = await app.db('services').where({ label: 'C', branch_id: centro.id }).first('id');
    const t = await serve(sup, { serviceId: service.id, customer: { firstName: 'Ajena', idNumber: 'V16-0002' } }, {});

    const other = await createOrg(app.db);
    const otherSup = await app
      .db('users')
      .where({ id: other.supervisor.id })
      .update({ password_hash: await hashPassword(DEMO_PASSWORD) })
      .returning('email');
    const stranger = await app.login(otherSup[0].email);
    const refused = await stranger.request('GET', `/api/customers/${t.customerId}/visits`);
    expect(refused.status).toBe(404);
    expect(refused.body.code).toBe('NotFound');
    expect(JSON.stringify(refused.body)).not.toContain('Ajena');

    const elena = await app.login('elena@andino.demo'); // Sucursal Norte
    expect((await elena.request('GET', `/api/customers/${t.customerId}/visits`)).status).toBe(404);
    expect((await sup.request('GET', '/api/customers/999999999/visits')).status).toBe(404);
    expect((await sup.request('GET', '/api/customers/abc/visits')).status).toBe(404);
    const anonymous = await fetch(`${app.url}/api/customers/${t.customerId}/visits`);
    expect(anonymous.status).toBe(401);
  });
});
