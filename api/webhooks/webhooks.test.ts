// H8: each lifecycle step is POSTed to the entity's webhooks, signed, retried until 2xx, once.
// Issue 13: signatures carry a timestamp; the back office lists each webhook's deliveries, sends
// a test and resends. The receiver is on loopback, so the operator allow-list names its port
// (and only it: ssrf.test.ts proves loopback is refused otherwise).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppStack, type ApiClient, type AppStack } from '../../tests/support/app-stack.js';
import { createOrg } from '../../tests/support/fixtures.js';
import { DEMO_PASSWORD } from '../../db/seed/demo.js';
import { parseAllowList } from '../../platform/outbound/index.js';
import { hashPassword } from '../../platform/passwords.js';
import { sign } from './deliver.js';

interface Received {
  event: string;
  key: string;
  timestamp: string;
  signature: string;
  body: string;
  status: number;
}

let app: AppStack;
let admin: ApiClient;
let receiver: http.Server;
let receiverUrl: string;
const received: Received[] = [];
/** How many requests to refuse with 503 before accepting, per event name. */
const failFirst = new Map<string, number>([['ticket.created', 2]]);

beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      const key = String(req.headers['x-ventanilla-event-key']);
      const event = String(req.headers['x-ventanilla-event']);
      const left = failFirst.get(event) ?? 0;
      const status = left > 0 ? 503 : 200;
      failFirst.set(event, left - 1);
      received.push({
        event,
        key,
        timestamp: String(req.headers['x-ventanilla-timestamp']),
        signature: String(req.headers['x-ventanilla-signature']),
        body,
        status,
      });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const port = (receiver.address() as AddressInfo).port;
  receiverUrl = `http://127.0.0.1:${port}/hooks`;
  app = await createAppStack({ config: { OUTBOUND_ALLOW: parseAllowList(`127.0.0.1:${port}`) } });
  admin = await app.login('admin@andino.demo');
});
afterAll(async () => {
  await app?.closeAll();
  await new Promise((r) => receiver?.close(r));
});

/** Issue 13: HMAC-SHA256 over "<timestamp>.<body>", with a timestamp of now (a receiver rejects stale ones). */
function expectSigned(r: Received, secret: string): void {
  expect(r.timestamp).toMatch(/^\d{10}$/);
  expect(Math.abs(Date.now() / 1000 - Number(r.timestamp))).toBeLessThan(60);
  expect(r.signature).toBe(sign(secret, Number(r.timestamp), r.body));
  expect(r.signature).not.toBe(sign(secret, Number(r.timestamp) - 1, r.body)); // the timestamp is inside the MAC
}

async function until(check: () => boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end)
      throw new Error(`timed out; received so far: ${JSON.stringify(received.map((r) => [r.event, r.status]))}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('H8 webhooks', () => {
  it('refuses non-http URLs', async () => {
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'gopher://x.test/', 'not a url']) {
      const res = await admin.request('POST', '/api/webhooks', { url, secret: 'a-long-enough-secret' });
      expect(res.status, url).toBe(400);
      expect(res.body.fields).toHaveProperty('url');
    }
  });

  it('delivers every step signed, retries a failing receiver with backoff, and never twice', async () => {
    const secret = 'whsec-test-0123456789';
    const hook = await admin.request('POST', '/api/webhooks', {
      url: receiverUrl,
      secret,
      events: ['ticket.created', 'ticket.cancelled'],
    });
    expect(hook.status).toBe(201);
    // Another entity's webhook must hear nothing of Banco Andino.
    const other = await createOrg(app.db);
    await app
      .db('webhooks')
      .insert({ entity_id: other.entityId, url: `${receiverUrl}?other=1`, secret: 'other-entity-secret' });

    const service = await app.db('services').where({ label: 'C' }).first('id');
    const ana = await app.login('ana@andino.demo');
    // The receiver is down for the first two tries of ticket.created (failFirst).
    const t = await ana.request('POST', '/api/tickets', { serviceId: service.id });
    expect(t.status).toBe(201);
    const createdKey = `ticket:${t.body.id}:1`;
    // An admin cancels (an agent without an open shift may not: issue 13's ticket rights).
    const cancelled = await admin.request('POST', `/api/tickets/${t.body.id}/cancel`, {});
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);

    await until(
      () =>
        received.some((r) => r.key === createdKey && r.status === 200) &&
        received.some((r) => r.event === 'ticket.cancelled' && r.status === 200),
    );
    const tries = received.filter((r) => r.key === createdKey);
    expect(tries.map((r) => r.status)).toEqual([503, 503, 200]);
    for (const r of received) {
      expectSigned(r, secret);
      const payload = JSON.parse(r.body);
      expect(payload).toMatchObject({ event: r.event, key: r.key, ticket: { id: t.body.id, number: t.body.number } });
    }
    expect(received.every((r) => !r.key.includes('?other'))).toBe(true);
    expect(received.map((r) => r.event)).not.toContain('ticket.queued'); // not subscribed

    let row = await app.db('webhook_deliveries').where({ webhook_id: hook.body.id, event_key: createdKey }).first();
    for (let i = 0; i < 40 && !row.delivered_at; i++) {
      // the 200 is recorded just after the receiver answers
      await new Promise((r) => setTimeout(r, 50));
      row = await app.db('webhook_deliveries').where({ webhook_id: hook.body.id, event_key: createdKey }).first();
    }
    expect(row).toMatchObject({ attempts: 3, last_status: 200 });
    expect(row.delivered_at).not.toBeNull();
    // Nothing is sent again once delivered, and the other entity's hook got no delivery rows.
    const count = received.length;
    await new Promise((r) => setTimeout(r, 2500));
    expect(received.length).toBe(count);
    expect(
      await app
        .db('webhook_deliveries')
        .join('webhooks', 'webhooks.id', 'webhook_deliveries.webhook_id')
        .where('webhooks.entity_id', other.entityId)
        .count({ n: '*' }),
    ).toEqual([{ n: 0 }]);
    expect(await app.db('webhook_deliveries').where({ webhook_id: hook.body.id }).count({ n: '*' })).toEqual([
      { n: 2 },
    ]);
  });

  it('delivers agent state changes (shift.state) to subscribers', async () => {
    const secret = 'whsec-shift-0123456789';
    expect(
      (await admin.request('POST', '/api/webhooks', { url: `${receiverUrl}/shifts`, secret, events: ['shift.state'] }))
        .status,
    ).toBe(201);
    const elena = await app.login('elena@andino.demo');
    const user = await app.db('users').where({ email: 'elena@andino.demo' }).first('id', 'branch_id');
    const desk = await app.db('desks').where({ branch_id: user.branch_id }).first('id');
    expect((await elena.request('POST', '/api/shifts', { deskId: desk.id })).status).toBe(201);
    expect((await elena.request('POST', '/api/shifts/current/state', { state: 'resting' })).status).toBe(200);
    await until(() => received.some((r) => r.event === 'shift.state' && JSON.parse(r.body).state === 'resting'));
    const r = received.find((x) => x.event === 'shift.state')!;
    expectSigned(r, secret);
    expect(JSON.parse(r.body)).toMatchObject({ event: 'shift.state', shift: { userId: user.id, deskId: desk.id } });
  });
});

describe('H8 (issue 16): steps taken by hand at the desk, with their reasons', () => {
  it('a requeue, a no-show marked by the agent and a cancel are delivered with the reason given', async () => {
    const secret = 'whsec-reasons-0123456789';
    const url = `${receiverUrl}/reasons`;
    const events = ['ticket.requeued', 'ticket.no_show', 'ticket.cancelled'];
    expect((await admin.request('POST', '/api/webhooks', { url, secret, events })).status).toBe(201);
    const centro = await app.db('branches').where({ code: 'CEN' }).first('id');
    const service = await app.db('services').where({ label: 'C', branch_id: centro.id }).first('id');
    const carla = await app.db('users').where({ email: 'carla@andino.demo' }).first('id');
    const desk = await app.db('desks').where({ branch_id: centro.id }).orderBy('id').first('id');
    const agent = await app.login('carla@andino.demo');
    const ok = async (c: ApiClient, path: string, body: object = {}) => {
      const r = await c.request('POST', path, body);
      expect(r.status, `${path} ${JSON.stringify(r.body)}`).toBe(200);
      return r.body as { status: string };
    };
    const [served, duplicate] = [
      (await admin.request('POST', '/api/tickets', { serviceId: service.id })).body.id as string,
      (await admin.request('POST', '/api/tickets', { serviceId: service.id })).body.id as string,
    ];
    const call = () => ok(admin, `/api/tickets/${served}/call`, { agentId: carla.id, deskId: desk.id });
    await call();
    await ok(agent, `/api/tickets/${served}/requeue`, { reason: 'Fue por un documento' });
    await call();
    expect((await ok(agent, `/api/tickets/${served}/no-show`, { reason: 'No respondió al llamado' })).status).toBe(
      'no_show',
    );
    await ok(admin, `/api/tickets/${duplicate}/cancel`, { reason: 'Tiquete duplicado' });

    const mine = () =>
      received
        .filter((r) => r.status === 200 && [served, duplicate].some((id) => r.key.startsWith(`ticket:${id}:`)))
        .map((r) => JSON.parse(r.body));
    await until(() => events.every((e) => mine().some((p) => p.event === e)));
    const of = (event: string) => mine().find((p) => p.event === event);
    expect(of('ticket.requeued')).toMatchObject({ ticket: { id: served }, reason: 'Fue por un documento' });
    expect(of('ticket.no_show')).toMatchObject({
      ticket: { id: served },
      toStatus: 'no_show',
      reason: 'No respondió al llamado',
      actor: { type: 'user', id: carla.id },
    });
    expect(of('ticket.cancelled')).toMatchObject({ ticket: { id: duplicate }, reason: 'Tiquete duplicado' });
  });
});

describe("issue 13: each webhook's deliveries in the back office", () => {
  const secret = 'whsec-manual-0123456789';
  let hookId: number;

  it('"send test" delivers a signed webhook.test at once and answers its outcome; a failed test is not retried', async () => {
    // Subscribed to an event nothing in this file triggers: only manual sends reach /manual.
    const hook = await admin.request('POST', '/api/webhooks', {
      url: `${receiverUrl}/manual`,
      secret,
      events: ['ticket.no_show'],
    });
    expect(hook.status).toBe(201);
    hookId = hook.body.id;
    const sent = await admin.request('POST', `/api/webhooks/${hookId}/test`);
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    expect(sent.body).toMatchObject({
      webhookId: hookId,
      event: 'webhook.test',
      status: 'delivered',
      attempts: 1,
      lastStatus: 200,
      lastError: null,
    });
    expect(sent.body.lastAttemptAt).toEqual(expect.any(String));
    const got = received.find((r) => r.key === sent.body.eventKey)!;
    expectSigned(got, secret);
    expect(JSON.parse(got.body)).toMatchObject({ event: 'webhook.test', key: sent.body.eventKey, webhookId: hookId });

    failFirst.set('webhook.test', 1); // the receiver answers 503 once
    const failed = await admin.request('POST', `/api/webhooks/${hookId}/test`);
    expect(failed.body).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastStatus: 503,
      lastError: 'HTTP 503',
      nextAttemptAt: null,
    });
    await new Promise((r) => setTimeout(r, 2500)); // the dispatcher's backoff would have retried by now
    expect(received.filter((r) => r.key === failed.body.eventKey)).toHaveLength(1);
  });

  it('"resend" sends a delivery again now, on a fresh schedule', async () => {
    const [failed] = await app.db('webhook_deliveries').where({ webhook_id: hookId, last_status: 503 }).pluck('id');
    const again = await admin.request('POST', `/api/webhook_deliveries/${failed}/resend`);
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(again.body).toMatchObject({
      id: failed,
      status: 'delivered',
      attempts: 1,
      lastStatus: 200,
      lastError: null,
    });
    const tries = received.filter((r) => r.key === again.body.eventKey);
    expect(tries.map((r) => r.status)).toEqual([503, 200]);
    expectSigned(tries[1]!, secret);
  });

  it("lists a webhook's deliveries (status, attempts, last error, times), newest first", async () => {
    const list = await admin.request(
      'GET',
      `/api/webhook_deliveries?filter=${encodeURIComponent(JSON.stringify({ webhookId: hookId }))}`,
    );
    expect(list.status).toBe(200);
    expect(list.headers.get('content-range')).toBe('webhook_deliveries 0-1/2');
    expect(list.body.map((d: { event: string; status: string }) => [d.event, d.status])).toEqual([
      ['webhook.test', 'delivered'],
      ['webhook.test', 'delivered'],
    ]);
    expect(list.body[0].id).toBeGreaterThan(list.body[1].id);
    for (const d of list.body) {
      expect(d).toMatchObject({ webhookId: hookId, attempts: 1, lastError: null });
      expect(Object.keys(d)).toEqual(expect.arrayContaining(['createdAt', 'lastAttemptAt', 'deliveredAt', 'payload']));
      expect(JSON.stringify(d)).not.toContain(secret);
    }
    const failedOnly = await admin.request(
      'GET',
      `/api/webhook_deliveries?filter=${encodeURIComponent(JSON.stringify({ webhookId: hookId, status: 'failed' }))}`,
    );
    expect(failedOnly.body).toEqual([]);
    // Deliveries are a record: nobody writes them through the API.
    expect((await admin.request('DELETE', `/api/webhook_deliveries/${list.body[0].id}`)).status).toBe(403);
  });

  it('is tenant-scoped and admin-only: another entity neither sees, tests nor resends our deliveries', async () => {
    const other = await createOrg(app.db);
    await app.db('users').insert({
      entity_id: other.entityId,
      branch_id: null,
      email: 'root@hooks-other.test',
      password_hash: await hashPassword(DEMO_PASSWORD),
      role: 'admin',
      first_name: 'Root',
      last_name: 'Other',
    });
    const otherAdmin = await app.login('root@hooks-other.test');
    const [delivery] = await app.db('webhook_deliveries').where({ webhook_id: hookId }).pluck('id');
    const before = received.length;

    const list = await otherAdmin.request(
      'GET',
      `/api/webhook_deliveries?filter=${encodeURIComponent(JSON.stringify({ webhookId: hookId }))}`,
    );
    expect(list.status).toBe(200);
    expect(list.body).toEqual([]);
    expect((await otherAdmin.request('GET', '/api/webhook_deliveries?range=[0,999]')).body).toEqual([]);
    expect((await otherAdmin.request('GET', `/api/webhook_deliveries/${delivery}`)).status).toBe(404);
    expect((await otherAdmin.request('POST', `/api/webhook_deliveries/${delivery}/resend`)).status).toBe(404);
    expect((await otherAdmin.request('POST', `/api/webhooks/${hookId}/test`)).status).toBe(404);

    const supervisor = await app.login('supervisor@andino.demo');
    expect((await supervisor.request('GET', '/api/webhook_deliveries')).status).toBe(403);
    expect((await supervisor.request('POST', `/api/webhooks/${hookId}/test`)).status).toBe(403);
    expect((await supervisor.request('POST', `/api/webhook_deliveries/${delivery}/resend`)).status).toBe(403);

    await new Promise((r) => setTimeout(r, 300));
    expect(received.length).toBe(before);
    expect(await app.db('webhook_deliveries').where({ webhook_id: hookId }).count({ n: '*' })).toEqual([{ n: 2 }]);
  });
});
