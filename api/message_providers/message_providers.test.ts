// Issue 20: the entity's SMS/WhatsApp provider as audited configuration. Admins only; the URL is
// saved only where the outbound policy lets the worker call (private_address, as webhooks); the
// token is write-only — never in an answer nor in the audit log — and still what the worker sends
// (a real provider receiver checks the bearer); another entity neither sees nor changes it.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppStack, type ApiClient, type AppStack } from '../../tests/support/app-stack.js';
import { createTestMailbox, type TestMailbox } from '../../tests/support/mail.js';
import { createOrg } from '../../tests/support/fixtures.js';
import { DEMO_PASSWORD } from '../../db/seed/demo.js';
import { outboundPolicy, parseAllowList } from '../../platform/outbound/index.js';
import { hashPassword } from '../../platform/passwords.js';

const TOKEN = 'prov-secret-token-0123456789';
const NEW_TOKEN = 'prov-rotated-token-9876543210';
let app: AppStack;
let mail: TestMailbox;
let admin: ApiClient;
let receiver: http.Server;
let providerUrl: string;
const bearers: string[] = [];

beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    req.resume().on('end', () => {
      bearers.push(String(req.headers.authorization));
      res.writeHead(202, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `p-${bearers.length}` }));
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  const port = (receiver.address() as AddressInfo).port;
  providerUrl = `http://127.0.0.1:${port}/v1/messages`;
  const allow = parseAllowList(`127.0.0.1:${port}`);
  mail = await createTestMailbox();
  app = await createAppStack({
    config: { OUTBOUND_ALLOW: allow },
    messaging: mail.messaging({ policy: outboundPolicy(allow) }),
  });
  admin = await app.login('admin@andino.demo');
});
afterAll(async () => {
  await app?.closeAll();
  await mail?.close();
  await new Promise((r) => receiver?.close(r));
});

const noToken = (v: unknown) => expect(JSON.stringify(v)).not.toMatch(/prov-(secret|rotated)-token/);

describe('issue 20: message_providers, the entity SMS/WhatsApp provider, as audited configuration', () => {
  let id: number;

  it('refuses a URL the outbound policy forbids with the field code webhooks use, and stores nothing', async () => {
    for (const url of ['http://127.0.0.1:5488/v1/messages', 'http://169.254.169.254/latest', 'http://10.0.0.8/sms']) {
      const res = await admin.request('POST', '/api/message_providers', { url, token: TOKEN });
      expect(res.status, url).toBe(400);
      expect(res.body.fields.url.code).toBe('private_address');
    }
    expect(await app.db('message_providers').count({ n: '*' }).first()).toEqual({ n: 0 });
    expect(await app.db('config_audit').where({ resource: 'message_providers' })).toEqual([]);
  });

  it('an admin creates it; the token is never returned nor audited, but is what the worker sends', async () => {
    const created = await admin.request('POST', '/api/message_providers', { url: providerUrl, token: TOKEN });
    expect(created.status).toBe(201);
    id = created.body.id;
    expect(created.body).toMatchObject({ url: providerUrl, hasToken: true });
    expect(created.body).not.toHaveProperty('token');
    noToken(created.body);
    noToken((await admin.request('GET', '/api/message_providers')).body);
    noToken((await admin.request('GET', `/api/message_providers/${id}`)).body);
    // One per entity: a second is refused, the first stays.
    const again = await admin.request('POST', '/api/message_providers', { url: providerUrl, token: TOKEN });
    expect(again.status).toBe(400);
    expect(again.body.fields.url.code).toBe('already_used');

    // Rotating the token (alone) is audited as a change of `token`, without its value.
    const rotated = await admin.request('PUT', `/api/message_providers/${id}`, { ...created.body, token: NEW_TOKEN });
    expect(rotated.status).toBe(200);
    noToken(rotated.body);
    // A refused new URL leaves the provider as it was.
    const bad = await admin.request('PUT', `/api/message_providers/${id}`, { url: 'http://192.168.1.20/sms' });
    expect(bad.status).toBe(400);
    expect(bad.body.fields.url.code).toBe('private_address');
    expect((await app.db('message_providers').where({ id }).first()).url).toBe(providerUrl);

    const log = await admin.request(
      'GET',
      `/api/config_audit?filter=${encodeURIComponent(JSON.stringify({ resource: 'message_providers' }))}&sort=["id","ASC"]`,
    );
    expect(log.status).toBe(200);
    expect(log.body.map((e: { action: string }) => e.action)).toEqual(['create', 'update']);
    expect(log.body[0].after).toMatchObject({ url: providerUrl });
    expect(log.body[1].changed).toEqual(['token']);
    noToken(log.body);
    noToken(await app.db('config_audit').where({ resource: 'message_providers' }));

    // The worker reads what the back office saved: an SMS customer's ticket reaches the provider
    // with the rotated token.
    const entityId = (await app.db('message_providers').where({ id }).first()).entity_id as number;
    const [customer] = await app
      .db('customers')
      .insert({ entity_id: entityId, first_name: 'Sara', phone: '+57 300 555 0101', notify_sms: true })
      .returning('id');
    const service = await app.db('services').where({ label: 'C' }).first('id');
    const t = await admin.request('POST', '/api/tickets', { serviceId: service.id, customerId: customer.id });
    expect(t.status, JSON.stringify(t.body)).toBe(201);
    const end = Date.now() + 20_000;
    while (!bearers.length && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
    expect(bearers).toEqual([`Bearer ${NEW_TOKEN}`]);
  });

  it('only admins: a supervisor neither reads nor writes it', async () => {
    const sup = await app.login('supervisor@andino.demo');
    expect((await sup.request('GET', '/api/message_providers')).status).toBe(403);
    expect((await sup.request('GET', `/api/message_providers/${id}`)).status).toBe(403);
    expect((await sup.request('PUT', `/api/message_providers/${id}`, { url: providerUrl })).status).toBe(403);
    expect((await sup.request('DELETE', `/api/message_providers/${id}`)).status).toBe(403);
  });

  it("another entity's admin neither sees nor changes ours, and has a provider of their own", async () => {
    const other = await createOrg(app.db);
    await app.db('users').insert({
      entity_id: other.entityId,
      branch_id: null,
      email: 'root@providers-other.test',
      password_hash: await hashPassword(DEMO_PASSWORD),
      role: 'admin',
      first_name: 'Root',
      last_name: 'Other',
    });
    const otherAdmin = await app.login('root@providers-other.test');
    expect((await otherAdmin.request('GET', '/api/message_providers')).body).toEqual([]);
    expect((await otherAdmin.request('GET', `/api/message_providers/${id}`)).status).toBe(404);
    expect((await otherAdmin.request('PUT', `/api/message_providers/${id}`, { url: providerUrl })).status).toBe(404);
    expect((await otherAdmin.request('DELETE', `/api/message_providers/${id}`)).status).toBe(404);
    const own = await otherAdmin.request('POST', '/api/message_providers', { url: providerUrl, token: TOKEN });
    expect(own.status).toBe(201);
    expect(own.body.entityId).toBe(other.entityId);
    expect((await admin.request('GET', '/api/message_providers')).body.map((p: { id: number }) => p.id)).toEqual([id]);

    const gone = await admin.request('DELETE', `/api/message_providers/${id}`);
    expect(gone.status).toBe(200);
    noToken(gone.body);
    noToken(await app.db('config_audit').where({ resource: 'message_providers' }));
  });
});
