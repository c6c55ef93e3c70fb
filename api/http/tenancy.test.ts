// H7: every query is scoped to the user's entity and reach; roles decide who writes what.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppStack, type ApiClient, type AppStack } from '../../tests/support/app-stack.js';
import { createOrg, type Org } from '../../tests/support/fixtures.js';
import { hashPassword } from '../../platform/passwords.js';
import { DEMO_PASSWORD } from '../../db/seed/demo.js';

let app: AppStack;
let other: Org;
let otherAdmin: ApiClient;
let admin: ApiClient;
let supervisor: ApiClient;
let ana: ApiClient;
const ids = async (table: string, where: Record<string, unknown> = {}) =>
  (await app.db(table).where(where).pluck('id')) as number[];
const branchId = async (code: string) => (await app.db('branches').where({ code }).first('id')).id as number;

beforeAll(async () => {
  app = await createAppStack();
  other = await createOrg(app.db);
  // A second entity with its own admin, able to log in.
  await app.db('users').insert({
    entity_id: other.entityId,
    branch_id: null,
    email: 'root@other.test',
    password_hash: await hashPassword(DEMO_PASSWORD),
    role: 'admin',
    first_name: 'Root',
    last_name: 'Other',
  });
  await app
    .db('customers')
    .insert({ entity_id: other.entityId, first_name: 'Cliente', last_name: 'Ajeno', id_number: '111222' });
  otherAdmin = await app.login('root@other.test');
  admin = await app.login('admin@andino.demo');
  supervisor = await app.login('supervisor@andino.demo');
  ana = await app.login('ana@andino.demo');
});
afterAll(() => app?.closeAll());

const RESOURCES = [
  'branches',
  'departments',
  'services',
  'topics',
  'priorities',
  'desks',
  'users',
  'service_assignments',
  'customers',
  'appointments',
  'webhooks',
  'break_caps',
  'entities',
];

describe('H7 entity isolation', () => {
  it.each(RESOURCES)('an admin of another entity neither lists nor reaches Banco Andino %s', async (name) => {
    const andinoEntity = (await app.db('entities').where({ slug: 'andino' }).first('id')).id as number;
    const list = await otherAdmin.request('GET', `/api/${name}?range=[0,999]`);
    expect(list.status).toBe(200);
    for (const row of list.body) expect(row.entityId ?? other.entityId).toBe(other.entityId);
    const mine = await admin.request('GET', `/api/${name}?range=[0,0]`);
    const foreign = mine.body[0];
    if (!foreign) return;
    expect(list.body.map((r: { id: number }) => r.id)).not.toContain(name === 'entities' ? andinoEntity : -1);
    expect((await otherAdmin.request('GET', `/api/${name}/${foreign.id}`)).status).toBe(404);
    expect((await otherAdmin.request('PUT', `/api/${name}/${foreign.id}`, {})).status).toBe(404);
    expect((await otherAdmin.request('DELETE', `/api/${name}/${foreign.id}`)).status).toBe(404);
  });

  it('another entity cannot hang rows from our branches, services or users', async () => {
    const cen = await branchId('CEN');
    const [service] = await ids('services', { branch_id: cen });
    const [user] = await ids('users', { email: 'ana@andino.demo' });
    const desk = await otherAdmin.request('POST', '/api/desks', { branchId: cen, name: 'Intruso' });
    expect(desk.body).toMatchObject({ code: 'Validation', fields: { branchId: { code: 'unknown_reference' } } });
    expect((await otherAdmin.request('POST', '/api/topics', { serviceId: service, name: 'Intruso' })).status).toBe(400);
    expect(
      (
        await otherAdmin.request('POST', '/api/service_assignments', {
          userId: user,
          serviceId: other.services[0]!.id,
          kind: 'main',
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await otherAdmin.request('POST', '/api/users', {
          email: 'x@other.test',
          password: 'long-enough-1',
          firstName: 'X',
          lastName: 'Y',
          branchId: cen,
        })
      ).status,
    ).toBe(400);
    expect(await app.db('desks').where({ name: 'Intruso' }).count({ n: '*' })).toEqual([{ n: 0 }]);
  });

  it("another entity's tickets are 404", async () => {
    const [service] = await ids('services', { branch_id: await branchId('CEN') });
    const t = await ana.request('POST', '/api/tickets', { serviceId: service });
    expect(t.status).toBe(201);
    expect((await otherAdmin.request('GET', `/api/tickets/${t.body.id}`)).status).toBe(404);
    const list = await otherAdmin.request('GET', '/api/tickets');
    expect(list.body.map((r: { id: string }) => r.id)).not.toContain(t.body.id);
  });
});

describe('H7 roles and branches', () => {
  it('an agent reads only their branch and cannot write configuration', async () => {
    const cen = await branchId('CEN');
    const desks = await ana.request('GET', '/api/desks?range=[0,99]');
    expect(desks.body.length).toBeGreaterThan(0);
    for (const d of desks.body) expect(d.branchId).toBe(cen);
    const [norDesk] = await ids('desks', { branch_id: await branchId('NOR') });
    expect((await ana.request('GET', `/api/desks/${norDesk}`)).status).toBe(404);
    for (const u of (await ana.request('GET', '/api/users?range=[0,99]')).body) expect(u.branchId).toBe(cen);
    expect((await ana.request('POST', '/api/desks', { branchId: cen, name: 'Mío' })).status).toBe(403);
    const [svc] = await ids('services', { branch_id: cen });
    const put = await ana.request('PUT', `/api/services/${svc}`, { active: false });
    expect(put.status).toBe(403);
    expect(put.body).toMatchObject({
      error: 'Forbidden',
      code: 'RoleRequired',
      params: { roles: ['supervisor', 'admin'] },
    });
    expect((await ana.request('GET', '/api/webhooks')).status).toBe(403);
    expect((await ana.request('POST', '/api/priorities', { name: 'Yo primero', level: 9 })).status).toBe(403);
    expect((await ana.request('POST', '/api/customers', { firstName: 'Directo' })).status).toBe(403);
  });

  it("an agent sees only customers with tickets or appointments at the agent's branch", async () => {
    const list = await ana.request('GET', '/api/customers?range=[0,99]');
    const expected = await app
      .db('customers')
      .whereIn(
        'id',
        app
          .db('tickets')
          .where({ branch_id: await branchId('CEN') })
          .select('customer_id'),
      )
      .pluck('id');
    expect(list.body.map((c: { id: number }) => c.id).sort()).toEqual(expected.sort());
  });

  it('a branch supervisor writes within the branch only and manages agents only', async () => {
    const cen = await branchId('CEN');
    const nor = await branchId('NOR');
    expect((await supervisor.request('POST', '/api/desks', { branchId: cen, name: 'Módulo supervisor' })).status).toBe(
      201,
    );
    expect((await supervisor.request('POST', '/api/desks', { branchId: nor, name: 'Módulo ajeno' })).status).toBe(400);
    expect((await supervisor.request('POST', '/api/branches', { name: 'Nueva', code: 'NEW' })).status).toBe(403);
    expect((await supervisor.request('POST', '/api/priorities', { name: 'Otra', level: 1 })).status).toBe(403);
    const agent = await supervisor.request('POST', '/api/users', {
      email: 'nueva@andino.demo',
      password: 'clave-de-diez',
      firstName: 'Nueva',
      lastName: 'Agente',
    });
    expect(agent.status).toBe(201);
    expect(agent.body).toMatchObject({ role: 'agent', branchId: cen });
    expect(agent.body).not.toHaveProperty('passwordHash');
    expect((await supervisor.request('PUT', `/api/users/${agent.body.id}`, { role: 'supervisor' })).status).toBe(403);
    const [adminId] = await ids('users', { email: 'admin@andino.demo' });
    expect((await supervisor.request('PUT', `/api/users/${adminId}`, { firstName: 'Hacked' })).status).toBe(404); // branch-less admin is outside the branch
  });

  it('an admin cannot demote, deactivate or delete themselves', async () => {
    const [me] = await ids('users', { email: 'admin@andino.demo' });
    const demote = await admin.request('PUT', `/api/users/${me}`, { role: 'agent' });
    expect(demote.status).toBe(400);
    expect(demote.body).toMatchObject({
      code: 'CannotChangeOwnRole',
      fields: { role: { code: 'CannotChangeOwnRole' } },
    });
    expect((await admin.request('PUT', `/api/users/${me}`, { active: false })).status).toBe(400);
    expect((await admin.request('DELETE', `/api/users/${me}`)).body).toMatchObject({
      error: 'Forbidden',
      code: 'CannotDeleteSelf',
    });
    expect((await app.db('users').where({ id: me }).first('role')).role).toBe('admin');
  });

  it('passwords are stored as argon2id and never returned', async () => {
    const created = await admin.request('POST', '/api/users', {
      email: 'hash@andino.demo',
      password: 'correct horse battery',
      firstName: 'H',
      lastName: 'A',
      branchId: await branchId('NOR'),
    });
    expect(created.status).toBe(201);
    const row = await app.db('users').where({ id: created.body.id }).first('password_hash');
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    const list = await admin.request('GET', '/api/users?range=[0,99]');
    expect(JSON.stringify(list.body)).not.toMatch(/argon2|passwordHash|password/);
    await app.login('hash@andino.demo', 'correct horse battery');
    const again = await admin.request('POST', '/api/users', {
      email: 'HASH@andino.demo',
      password: 'another-long-one',
      firstName: 'H',
      lastName: 'B',
      branchId: await branchId('NOR'),
    });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'AlreadyUsed', fields: { email: { code: 'already_used' } } });
  });

  it('webhook secrets are write-only', async () => {
    const hook = await admin.request('POST', '/api/webhooks', {
      url: 'https://hooks.example.test/x',
      secret: 'super-secret-signing-key',
    });
    expect(hook.status).toBe(201);
    expect(JSON.stringify(hook.body)).not.toContain('super-secret');
    expect(hook.body.hasSecret).toBe(true);
  });
});
