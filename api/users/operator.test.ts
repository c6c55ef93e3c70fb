// Issue 13, G7: the operator role — platform staff, above an entity's admins. Only an operator
// grants or removes it or changes an operator's account (an admin gets 403 OperatorOnly); in
// their home entity an operator has every right an admin has, and sees no other entity.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_OPERATOR_EMAIL, DEMO_PASSWORD } from '../../db/seed/demo.js';
import { createAppStack, type ApiClient, type AppStack } from '../../tests/support/app-stack.js';
import { createOrg, type Org } from '../../tests/support/fixtures.js';
import { hashPassword } from '../../platform/passwords.js';

let app: AppStack;
let admin: ApiClient;
let operator: ApiClient;
let other: Org;
let operatorId: number;
let nor: number;
const userRow = (id: number) => app.db('users').where({ id }).first('role', 'first_name', 'active', 'password_hash');
const refusedAsOperatorOnly = (res: { status: number; body: { code?: string } }) => {
  expect(res.status, JSON.stringify(res.body)).toBe(403);
  expect(res.body).toMatchObject({ error: 'Forbidden', code: 'OperatorOnly' });
};

beforeAll(async () => {
  app = await createAppStack();
  admin = await app.login('admin@andino.demo');
  operator = await app.login(DEMO_OPERATOR_EMAIL);
  operatorId = (await app.db('users').where({ email: DEMO_OPERATOR_EMAIL }).first('id')).id;
  nor = (await app.db('branches').where({ code: 'NOR' }).first('id')).id;
  other = await createOrg(app.db);
  await app.db('users').insert({
    entity_id: other.entityId,
    branch_id: null,
    email: 'root@ops-other.test',
    password_hash: await hashPassword(DEMO_PASSWORD),
    role: 'admin',
    first_name: 'Root',
    last_name: 'Other',
  });
  await app
    .db('customers')
    .insert({ entity_id: other.entityId, first_name: 'Cliente', last_name: 'Ajeno', id_number: '999000' });
});
afterAll(() => app?.closeAll());

describe('issue 13: the operator role', () => {
  it('an admin cannot grant the operator role: creating an operator or promoting a user is 403 OperatorOnly', async () => {
    const created = await admin.request('POST', '/api/users', {
      email: 'quiere-ser@andino.demo',
      password: 'clave-de-diez',
      firstName: 'Quiere',
      lastName: 'Ser',
      role: 'operator',
      branchId: null,
    });
    refusedAsOperatorOnly(created);
    expect(created.body.fields).toMatchObject({ role: { code: 'OperatorOnly' } });
    expect(await app.db('users').where({ email: 'quiere-ser@andino.demo' }).first('id')).toBeUndefined();

    const agent = await admin.request('POST', '/api/users', {
      email: 'asciende@andino.demo',
      password: 'clave-de-diez',
      firstName: 'Asciende',
      lastName: 'No',
      role: 'supervisor',
      branchId: nor,
    });
    expect(agent.status).toBe(201);
    refusedAsOperatorOnly(await admin.request('PUT', `/api/users/${agent.body.id}`, { role: 'operator' }));
    expect((await userRow(agent.body.id)).role).toBe('supervisor');
  });

  it('an admin cannot edit, reset the password of, demote, deactivate or delete an operator', async () => {
    const before = await userRow(operatorId);
    refusedAsOperatorOnly(await admin.request('PUT', `/api/users/${operatorId}`, { firstName: 'Cambiado' }));
    refusedAsOperatorOnly(await admin.request('PUT', `/api/users/${operatorId}`, { password: 'tomada-por-admin' }));
    refusedAsOperatorOnly(await admin.request('PUT', `/api/users/${operatorId}`, { role: 'admin' }));
    refusedAsOperatorOnly(await admin.request('PUT', `/api/users/${operatorId}`, { active: false }));
    refusedAsOperatorOnly(await admin.request('DELETE', `/api/users/${operatorId}`));
    expect(await userRow(operatorId)).toEqual(before);
    // Still an admin's user list shows the operator: they are staff of the entity.
    expect((await admin.request('GET', `/api/users/${operatorId}`)).body).toMatchObject({ role: 'operator' });
  });

  it('an operator grants the operator role, edits and deactivates an operator, and removes the role', async () => {
    const created = await operator.request('POST', '/api/users', {
      email: 'otro-operador@andino.demo',
      password: 'clave-de-diez',
      firstName: 'Otro',
      lastName: 'Operador',
      role: 'operator',
      branchId: null,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id as number;
    expect(created.body).toMatchObject({ role: 'operator', branchId: null });
    await app.login('otro-operador@andino.demo', 'clave-de-diez');
    expect((await operator.request('PUT', `/api/users/${id}`, { firstName: 'Editado' })).status).toBe(200);
    expect((await operator.request('PUT', `/api/users/${id}`, { active: false })).status).toBe(200);
    expect((await operator.request('PUT', `/api/users/${id}`, { role: 'admin', active: true })).status).toBe(200);
    expect(await userRow(id)).toMatchObject({ role: 'admin', first_name: 'Editado', active: true });
    const promoted = await operator.request('POST', '/api/users', {
      email: 'promovida@andino.demo',
      password: 'clave-de-diez',
      firstName: 'Pro',
      lastName: 'Movida',
      role: 'agent',
      branchId: nor,
    });
    expect(
      (await operator.request('PUT', `/api/users/${promoted.body.id}`, { role: 'operator', branchId: null })).status,
    ).toBe(200);
    expect((await userRow(promoted.body.id)).role).toBe('operator');
  });

  it("an operator has an admin's rights in the home entity (entity, branches, webhooks, every branch's tickets)", async () => {
    const entity = (await app.db('entities').where({ slug: 'andino' }).first('id')).id;
    expect((await operator.request('GET', '/api/webhooks')).status).toBe(200);
    expect((await operator.request('PUT', `/api/entities/${entity}`, { name: 'Banco Andino' })).status).toBe(200);
    const branch = await operator.request('POST', '/api/branches', { name: 'Sucursal Sur', code: 'SUR' });
    expect(branch.status, JSON.stringify(branch.body)).toBe(201);
    const serviceNor = (await app.db('services').where({ branch_id: nor, label: 'C' }).first('id')).id;
    const ticket = await operator.request('POST', '/api/tickets', { serviceId: serviceNor });
    expect(ticket.status).toBe(201);
    expect((await operator.request('GET', `/api/tickets/${ticket.body.id}`)).status).toBe(200);
  });

  it("an operator sees no other entity's data through the API", async () => {
    const otherAdmin = await app.login('root@ops-other.test');
    for (const name of ['users', 'customers', 'branches', 'services', 'entities']) {
      const mine = await operator.request('GET', `/api/${name}?range=[0,999]`);
      expect(mine.status).toBe(200);
      const theirs = await otherAdmin.request('GET', `/api/${name}?range=[0,999]`);
      const foreignIds = (theirs.body as { id: number }[]).map((r) => r.id);
      expect(foreignIds.length, name).toBeGreaterThan(0);
      expect(
        (mine.body as { id: number }[]).filter((r) => foreignIds.includes(r.id)),
        name,
      ).toEqual([]);
      expect((await operator.request('GET', `/api/${name}/${foreignIds[0]}`)).status, name).toBe(404);
    }
    const foreignTicket = await otherAdmin.request('POST', '/api/tickets', { serviceId: other.services[0]!.id });
    expect(foreignTicket.status).toBe(201);
    expect((await operator.request('GET', `/api/tickets/${foreignTicket.body.id}`)).status).toBe(404);
    expect((await operator.request('GET', `/api/monitor/branches/${other.branchId}`)).status).toBe(404);
  });
});
