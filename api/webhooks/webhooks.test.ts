// H8: each lifecycle step is POSTed to the entity's webhooks, signed, retried until 2xx, once.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppStack, type ApiClient, type AppStack } from '../../tests/support/app-stack.js';
import { createOrg } from '../../tests/support/fixtures.js';
import { sign } from './deliver.js';

interface Received { event: string; key: string; signature: string; body: string; status: number }

let app: AppStack;
let admin: ApiClient;
let receiver: http.Server;
let receiverUrl: string;
const received: Received[] = [];
/** How many requests to refuse with 503 before accepting, per event name. */
const failFirst = new Map<string, number>([['ticket.created', 2]]);

beforeAll(async () => {
  app = await createAppStack();
  admin = await app.login('admin@andino.demo');
  receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      const key = String(req.headers['x-ventanilla-event-key']);
      const event = String(req.headers['x-ventanilla-event']);
      const left = failFirst.get(event) ?? 0;
      const status = left > 0 ? 503 : 200;
      failFirst.set(event, left - 1);
      received.push({ event: String(req.headers['x-ventanilla-event']), key, signature: String(req.headers['x-ventanilla-signature']), body, status });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
});
afterAll(async () => {
  await app?.closeAll();
  await new Promise((r) => receiver?.close(r));
});

async function until(check: () => boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out; received so far: ${JSON.stringify(received.map((r) => [r.event, r.status]))}`);
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
    const hook = await admin.request('POST', '/api/webhooks', { url: receiverUrl, secret, events: ['ticket.created', 'ticket.cancelled'] });
    expect(hook.status).toBe(201);
    // Another entity's webhook must hear nothing of Banco Andino.
    const other = await createOrg(app.db);
    await app.db('webhooks').insert({ entity_id: other.entityId, url: `${receiverUrl}?other=1`, secret: 'other-entity-secret' });

    const service = await app.db('services').where({ label: 'C' }).first('id');
    const ana = await app.login('ana@andino.demo');
    // The receiver is down for the first two tries of ticket.created (failFirst).
    const t = await ana.request('POST', '/api/tickets', { serviceId: service.id });
    expect(t.status).toBe(201);
    const createdKey = `ticket:${t.body.id}:1`;
    await ana.request('POST', `/api/tickets/${t.body.id}/cancel`, {});

    await until(() => received.some((r) => r.key === createdKey && r.status === 200) && received.some((r) => r.event === 'ticket.cancelled' && r.status === 200));
    const tries = received.filter((r) => r.key === createdKey);
    expect(tries.map((r) => r.status)).toEqual([503, 503, 200]);
    for (const r of received) {
      expect(r.signature).toBe(sign(secret, r.body));
      const payload = JSON.parse(r.body);
      expect(payload).toMatchObject({ event: r.event, key: r.key, ticket: { id: t.body.id, number: t.body.number } });
    }
    expect(received.every((r) => !r.key.includes('?other'))).toBe(true);
    expect(received.map((r) => r.event)).not.toContain('ticket.queued'); // not subscribed

    let row = await app.db('webhook_deliveries').where({ webhook_id: hook.body.id, event_key: createdKey }).first();
    for (let i = 0; i < 40 && !row.delivered_at; i++) { // the 200 is recorded just after the receiver answers
      await new Promise((r) => setTimeout(r, 50));
      row = await app.db('webhook_deliveries').where({ webhook_id: hook.body.id, event_key: createdKey }).first();
    }
    expect(row).toMatchObject({ attempts: 3, last_status: 200 });
    expect(row.delivered_at).not.toBeNull();
    // Nothing is sent again once delivered, and the other entity's hook got no delivery rows.
    const count = received.length;
    await new Promise((r) => setTimeout(r, 2500));
    expect(received.length).toBe(count);
    expect(await app.db('webhook_deliveries').join('webhooks', 'webhooks.id', 'webhook_deliveries.webhook_id').where('webhooks.entity_id', other.entityId).count({ n: '*' })).toEqual([{ n: 0 }]);
    expect(await app.db('webhook_deliveries').where({ webhook_id: hook.body.id }).count({ n: '*' })).toEqual([{ n: 2 }]);
  });

  it('delivers agent state changes (shift.state) to subscribers', async () => {
    const secret = 'whsec-shift-0123456789';
    expect((await admin.request('POST', '/api/webhooks', { url: `${receiverUrl}/shifts`, secret, events: ['shift.state'] })).status).toBe(201);
    const elena = await app.login('elena@andino.demo');
    const user = await app.db('users').where({ email: 'elena@andino.demo' }).first('id', 'branch_id');
    const desk = await app.db('desks').where({ branch_id: user.branch_id }).first('id');
    expect((await elena.request('POST', '/api/shifts', { deskId: desk.id })).status).toBe(201);
    expect((await elena.request('POST', '/api/shifts/current/state', { state: 'resting' })).status).toBe(200);
    await until(() => received.some((r) => r.event === 'shift.state' && JSON.parse(r.body).state === 'resting'));
    const r = received.find((x) => x.event === 'shift.state')!;
    expect(r.signature).toBe(sign(secret, r.body));
    expect(JSON.parse(r.body)).toMatchObject({ event: 'shift.state', shift: { userId: user.id, deskId: desk.id } });
  });
});
