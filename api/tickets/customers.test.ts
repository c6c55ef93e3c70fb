// Issue 12 item 4: a customer is never overwritten by accident. Staff who type a "new customer"
// the entity already knows (ID number or e-mail) get 409 CustomerExists with her, masked, and
// choose "use this customer"; public routes link her silently and change nothing of hers.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppStack, type ApiClient, type AppStack } from '../../tests/support/app-stack.js';
import { startTicket } from '../../workflows/tickets/client.js';

let app: AppStack;
let supervisor: ApiClient;
let serviceId: number;
let known: {
  id: number;
  first_name: string;
  last_name: string;
  email: string;
  phone: string;
  id_number: string;
  entity_id: number;
};

beforeAll(async () => {
  app = await createAppStack();
  supervisor = await app.login('supervisor@andino.demo');
  const branch = await app.db('branches').where({ code: 'CEN' }).first('id');
  serviceId = (await app.db('services').where({ branch_id: branch.id, label: 'C' }).first('id')).id;
  known = await app.db('customers').orderBy('id').first();
}, 120_000);
afterAll(() => app?.closeAll());

const unchanged = async () =>
  expect(await app.db('customers').where({ id: known.id }).first()).toMatchObject({
    first_name: known.first_name,
    last_name: known.last_name,
    email: known.email,
    phone: known.phone,
    id_number: known.id_number,
  });

describe('issue 12 item 4: staff are asked before a known customer is used', () => {
  it('a new customer with a known ID number is a 409 carrying her, masked; nothing is renamed', async () => {
    const res = await supervisor.request('POST', '/api/tickets', {
      serviceId,
      customer: {
        firstName: 'Impostora',
        lastName: 'Nueva',
        idNumber: known.id_number,
        email: 'otra@correo.demo',
        phone: '+57 300 000 0000',
      },
    });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      code: 'CustomerExists',
      fields: { 'customer.idNumber': { code: 'already_used' } },
    });
    const c = res.body.params.customer;
    expect(c).toMatchObject({ id: known.id, name: `${known.first_name} ${known.last_name}` });
    expect(c.email).toBe(`${known.email[0]}***${known.email.slice(known.email.indexOf('@'))}`);
    expect(c.phone).toBe(`***${known.phone.slice(-4)}`);
    expect(JSON.stringify(res.body)).not.toContain(known.id_number);
    await unchanged();
    // "Use this customer": the ticket is hers, and her data is as it was.
    const used = await supervisor.request('POST', '/api/tickets', { serviceId, customerId: c.id });
    expect(used.status).toBe(201);
    expect(used.body.customerId).toBe(known.id);
    await unchanged();
  });

  it('the same by e-mail, whatever its case', async () => {
    const res = await supervisor.request('POST', '/api/tickets', {
      serviceId,
      customer: { firstName: 'Otra', email: known.email.toUpperCase() },
    });
    expect(res.status).toBe(409);
    expect(res.body.params.customer.id).toBe(known.id);
    await unchanged();
  });

  it('editing a ticket customer: a match is a 409; { customerId } links her without changing her', async () => {
    const t = (await supervisor.request('POST', '/api/tickets', { serviceId })).body;
    const clash = await supervisor.request('POST', `/api/tickets/${t.id}/customer`, {
      firstName: 'Otra',
      idNumber: known.id_number,
    });
    expect(clash.status).toBe(409);
    expect(clash.body.code).toBe('CustomerExists');
    const linked = await supervisor.request('POST', `/api/tickets/${t.id}/customer`, { customerId: known.id });
    expect(linked.status, JSON.stringify(linked.body)).toBe(200);
    expect(linked.body.customerId).toBe(known.id);
    await unchanged();
    const timeline = await supervisor.request('GET', `/api/tickets/${t.id}/timeline`);
    expect(JSON.stringify(timeline.body)).toContain('linkedCustomerId');
  });

  it('public routes (the kiosk, a customer actor) link a known customer silently and change nothing of hers', async () => {
    const branch = await app.db('branches').where({ code: 'CEN' }).first('id');
    const view = await startTicket(app.client, app.taskQueue, {
      ticketId: randomUUID(),
      entityId: known.entity_id,
      branchId: branch.id,
      serviceId,
      kind: 'turn',
      actor: { type: 'customer', name: 'kiosk' },
      newCustomer: { firstName: 'Quien Sea', lastName: 'X', idNumber: known.id_number, phone: '+57 311 111 1111' },
    });
    expect(view.customerId).toBe(known.id);
    await unchanged();
  });
});
