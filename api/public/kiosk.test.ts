// Issue 20, the kiosk's half over real HTTP on the real stack: a ticket taken with the customer's ID
// number, phone or e-mail and her consent per channel links her (or a new, nameless customer) and
// stores the flags; a known customer is linked, never shown nor changed; the priority comes from the
// entity's configuration, and anything else is refused with a field code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppStack, type ApiClient, type AppStack } from '../../tests/support/app-stack.js';
import { createOrg } from '../../tests/support/fixtures.js';
import { ticketOfToken } from './tokens.js';

let app: AppStack;
let admin: ApiClient;
let centro: { id: number; serviceId: number };

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- asserted field by field
type Body = Record<string, any>;
const post = (path: string, body: unknown) =>
  fetch(`${app.url}/api${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  }).then(async (r) => ({ status: r.status, body: (await r.json()) as Body, text: '' }));
const take = async (body: object) => {
  const res = await fetch(`${app.url}/api/public/branches/${centro.id}/tickets`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ serviceId: centro.serviceId, ...body }),
  });
  const text = await res.text();
  return { status: res.status, text, body: JSON.parse(text) as Body };
};
const ticketOf = async (token: string) =>
  app
    .db('tickets')
    .where({ id: (await ticketOfToken(app.db, token))! })
    .first('id', 'customer_id', 'priority_id', 'priority');

beforeAll(async () => {
  app = await createAppStack();
  admin = await app.login('admin@andino.demo');
  const cen = await app.db('branches').where({ code: 'CEN' }).first('id');
  centro = {
    id: cen.id,
    serviceId: (await app.db('services').where({ branch_id: cen.id, label: 'C' }).first('id')).id,
  };
});
afterAll(() => app?.closeAll());

describe('issue 20: the kiosk attaches the customer with her consent', () => {
  it('a new ID number, phone and e-mail make a nameless customer with the consent and language she chose', async () => {
    const res = await take({
      customer: {
        idNumber: 'K20-0001',
        phone: '+57 301 555 0101',
        email: 'Nueva.Kiosko@correo.demo',
        notifyEmail: true,
        notifyWhatsapp: true,
      },
      lang: 'en',
    });
    expect(res.status, res.text).toBe(201);
    expect(Object.keys(res.body).sort()).toEqual(['issuedAt', 'number', 'serviceName', 'statusUrl', 'token']);
    const t = await ticketOf(res.body.token);
    const c = await app.db('customers').where({ id: t.customer_id }).first();
    expect(c).toMatchObject({
      first_name: '',
      id_number: 'K20-0001',
      phone: '+57 301 555 0101',
      email: 'Nueva.Kiosko@correo.demo',
      notify_email: true,
      notify_sms: false,
      notify_whatsapp: true,
      lang: 'en',
    });
    // The same ID number again: the same customer, not a second one.
    const again = await take({ customer: { idNumber: 'K20-0001' } });
    expect((await ticketOf(again.body.token)).customer_id).toBe(t.customer_id);
  });

  it('a phone alone is enough; consent on SMS without a phone is refused on the phone field', async () => {
    const res = await take({ customer: { phone: '3015550202', notifySms: true } });
    expect(res.status, res.text).toBe(201);
    const c = await app
      .db('customers')
      .where({ id: (await ticketOf(res.body.token)).customer_id })
      .first();
    expect(c).toMatchObject({ phone: '3015550202', notify_sms: true, notify_email: false, id_number: null });

    const refused = await take({ customer: { idNumber: 'K20-0003', notifySms: true } });
    expect(refused.status).toBe(400);
    expect(refused.body.fields).toEqual({ 'customer.phone': { code: 'required' } });
    const empty = await take({ customer: {} });
    expect(empty.status).toBe(400);
    expect(empty.body.fields['customer.idNumber']).toEqual({ code: 'required' });
    const bad = await take({ customer: { email: 'no-es-correo', phone: 'abc' } });
    expect(bad.status).toBe(400);
    expect(bad.body.fields).toMatchObject({
      'customer.email': { code: 'invalid_email' },
      'customer.phone': { code: 'invalid_phone' },
    });
  });

  it("a known customer's ID number links her without showing or changing anything of hers", async () => {
    const known = await app.db('customers').where({ id_number: '1020304050' }).first();
    expect(known.notify_email).toBe(false);
    // A stranger types her ID number, their own e-mail and phone, and ticks every channel.
    const res = await take({
      customer: {
        idNumber: '1020304050',
        email: 'extrano@correo.demo',
        phone: '+57 399 000 0000',
        notifyEmail: true,
        notifySms: true,
        notifyWhatsapp: true,
      },
      lang: 'en',
    });
    expect(res.status, res.text).toBe(201);
    expect((await ticketOf(res.body.token)).customer_id).toBe(known.id);
    expect(Object.keys(res.body).sort()).toEqual(['issuedAt', 'number', 'serviceName', 'statusUrl', 'token']);
    for (const secret of [known.first_name, known.last_name, known.email, known.phone])
      expect(res.text).not.toContain(secret);
    const after = await app.db('customers').where({ id: known.id }).first();
    expect(after).toMatchObject({
      first_name: known.first_name,
      email: known.email,
      phone: known.phone,
      notify_email: false,
      notify_sms: false,
      notify_whatsapp: false,
      lang: null,
    });
    // She herself, with the e-mail on file: her consent for that channel is recorded (and only it).
    const own = await take({
      customer: { idNumber: '1020304050', email: known.email.toUpperCase(), notifyEmail: true },
    });
    expect(own.status, own.text).toBe(201);
    expect(await app.db('customers').where({ id: known.id }).first('notify_email', 'notify_sms')).toEqual({
      notify_email: true,
      notify_sms: false,
    });
  });
});

describe('issue 20: priorities at the kiosk come from the configuration', () => {
  it('the kiosk offers the levels above normal, and a ticket takes the one chosen', async () => {
    const branch = (await admin.request('GET', `/api/public/branches/${centro.id}`)).body as Body;
    const names = (branch.priorities as { name: string }[]).map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['Adulto mayor', 'Embarazada', 'Persona con discapacidad']));
    expect(names).not.toContain('Normal');
    // An appointment's level is given by the booking, not chosen at the kiosk.
    expect(names).not.toContain('Cita');
    const elderly = await app.db('priorities').where({ name: 'Adulto mayor' }).first('id', 'level');
    const res = await take({ priorityId: elderly.id });
    expect(res.status, res.text).toBe(201);
    expect(await ticketOf(res.body.token)).toMatchObject({ priority_id: elderly.id, priority: elderly.level });
  });

  it("another entity's priority, the normal level or an unknown id is refused on priorityId", async () => {
    const other = await createOrg(app.db);
    const [foreign] = await app
      .db('priorities')
      .insert({ entity_id: other.entityId, name: 'Ajena', level: 3 })
      .returning('id');
    const normal = await app.db('priorities').where({ name: 'Normal' }).first('id');
    const booked = await app.db('priorities').where({ name: 'Cita' }).first('id');
    for (const priorityId of [foreign.id, normal.id, booked.id, 999_999]) {
      const res = await take({ priorityId });
      expect(res.status, res.text).toBe(400);
      expect(res.body.fields).toEqual({ priorityId: { code: 'unknown_reference' } });
    }
    const notNumber = await post(`/public/branches/${centro.id}/tickets`, {
      serviceId: centro.serviceId,
      priorityId: 'x',
    });
    expect(notNumber.status).toBe(400);
  });
});

describe('issue 15: the kiosk never waits for a worker', () => {
  it('with the worker stopped, the kiosk hands out a numbered ticket whose status page shows it waiting; the workflow serves it once a worker is back', async () => {
    await app.stopWorker();
    // Before, the answer waited for the worker's first workflow task: a stopped (or saturated) worker hung the kiosk.
    const res = await fetch(`${app.url}/api/public/branches/${centro.id}/tickets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ serviceId: centro.serviceId }),
      signal: AbortSignal.timeout(10_000),
    });
    expect(res.status).toBe(201);
    const body = (await res.json()) as Body;
    expect(body.number).toMatch(/^C-\d{3}$/);
    const status = (await fetch(`${app.url}/api/public/tickets/${body.token}`).then((r) => r.json())) as Body;
    expect(status).toMatchObject({ number: body.number, status: 'waiting' });
    const id = (await ticketOfToken(app.db, body.token))!;
    expect((await app.client.workflow.getHandle(`ticket-${id}`).describe()).status.name).toBe('RUNNING');

    await app.startWorker();
    const cancelled = await admin.request('POST', `/api/tickets/${id}/cancel`, {});
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    expect(cancelled.body).toMatchObject({ number: body.number, status: 'cancelled' });
    expect(await app.db('ticket_events').where({ ticket_id: id }).orderBy('seq').pluck('type')).toEqual([
      'created',
      'cancelled',
    ]);
  });
});
