// Issue 13, webhook SSRF: a tenant admin could point a webhook at the platform's own PostgreSQL,
// Temporal, loopback in any spelling or the cloud metadata service, and the platform POSTed there
// with 15 retries. Without an operator allow-list, this API has none here: such URLs are refused
// when saved, and a row that slipped in (saved before the policy, or a name that resolves to
// loopback) is refused at delivery — no request reaches a receiver listening there, no retry.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppStack, type ApiClient, type AppStack } from '../../tests/support/app-stack.js';

let app: AppStack;
let admin: ApiClient;
let trap: http.Server;
let trapPort: number;
/** Every request that reached the loopback receiver: must stay empty. */
const reached: string[] = [];

beforeAll(async () => {
  trap = http.createServer((req, res) => {
    reached.push(`${req.method} ${req.headers.host} ${req.url}`);
    res.writeHead(200).end();
  });
  await new Promise<void>((resolve) => trap.listen(0, '127.0.0.1', resolve));
  trapPort = (trap.address() as AddressInfo).port;
  app = await createAppStack(); // no OUTBOUND_ALLOW
  admin = await app.login('admin@andino.demo');
});
afterAll(async () => {
  await app?.closeAll();
  await new Promise((r) => trap?.close(r));
});

async function until<T>(read: () => Promise<T | undefined>, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

const andino = async () => (await app.db('entities').where({ slug: 'andino' }).first('id')).id as number;

describe('issue 13: webhook destinations are checked when saved', () => {
  const refused = (port: number) => [
    `http://127.0.0.1:${port}/`,
    'http://127.0.0.1:5488/',
    'http://127.0.0.1:7233/api',
    'http://localhost:5488/',
    'http://[::1]/',
    'http://[::ffff:127.0.0.1]/',
    'http://2130706433/',
    'http://0x7f000001/',
    'http://0177.0.0.1/',
    'http://127.1/',
    'http://169.254.169.254/latest/meta-data/',
    'http://[fd00:ec2::254]/',
    'http://10.0.0.5/',
    'http://172.16.3.4/',
    'https://192.168.1.10/hook',
    'http://100.64.0.1/',
    'http://0.0.0.0/',
    'http://[fe80::1]/',
    'http://[fc00::1]/',
  ];

  it('refuses loopback, [::1], decimal/hex/octal loopback, metadata and private ranges with 400 private_address', async () => {
    for (const url of refused(trapPort)) {
      const res = await admin.request('POST', '/api/webhooks', { url, secret: 'a-long-enough-secret' });
      expect(res.status, url).toBe(400);
      expect(res.body, url).toMatchObject({ code: 'Validation', fields: { url: { code: 'private_address' } } });
    }
    expect(await app.db('webhooks').count({ n: '*' })).toEqual([{ n: 0 }]);
  });

  it("refuses the same when an existing webhook's URL is edited", async () => {
    const hook = await admin.request('POST', '/api/webhooks', {
      url: 'https://hooks.example.test/ok',
      secret: 'a-long-enough-secret',
    });
    expect(hook.status, JSON.stringify(hook.body)).toBe(201); // a name that does not resolve now is accepted
    for (const url of ['http://127.0.0.1:5488/', 'http://0x7f000001/', 'http://169.254.169.254/']) {
      const res = await admin.request('PUT', `/api/webhooks/${hook.body.id}`, { url });
      expect(res.body, url).toMatchObject({ code: 'Validation', fields: { url: { code: 'private_address' } } });
    }
    expect((await app.db('webhooks').where({ id: hook.body.id }).first('url')).url).toBe(
      'https://hooks.example.test/ok',
    );
    await app.db('webhooks').where({ id: hook.body.id }).delete();
  });
});

describe('issue 13: webhook destinations are checked again at each delivery', () => {
  it('refuses a stored loopback row (literal, name, decimal, hex, mapped) at delivery: nothing reaches the receiver, nothing is retried', async () => {
    const entityId = await andino();
    // Rows written straight to the table, as if saved before the policy existed.
    const urls = [
      `http://127.0.0.1:${trapPort}/direct`,
      `http://localhost:${trapPort}/by-name`,
      `http://2130706433:${trapPort}/decimal`,
      `http://0x7f000001:${trapPort}/hex`,
      `http://[::ffff:127.0.0.1]:${trapPort}/mapped`,
    ];
    const hooks = await app
      .db('webhooks')
      .insert(
        urls.map((url) => ({ entity_id: entityId, url, secret: 'old-row-secret-0123', events: ['ticket.created'] })),
      )
      .returning('id');
    const service = await app.db('services').where({ label: 'C' }).first('id');
    const ana = await app.login('ana@andino.demo');
    expect((await ana.request('POST', '/api/tickets', { serviceId: service.id })).status).toBe(201);

    const ids = hooks.map((h: { id: number }) => h.id);
    const rows = await until(async () => {
      const found = await app.db('webhook_deliveries').whereIn('webhook_id', ids).whereNotNull('gave_up_at');
      return found.length === urls.length ? found : undefined;
    });
    for (const row of rows) {
      expect(row).toMatchObject({ attempts: 1, last_status: null, delivered_at: null });
      expect(row.last_error).toMatch(
        /^refused, not retried: .* loopback address: outbound calls there are refused unless OUTBOUND_ALLOW names it$/,
      );
    }
    await new Promise((r) => setTimeout(r, 2500)); // past the first backoff (1 s): a retry would show
    expect(
      (await app.db('webhook_deliveries').whereIn('webhook_id', ids).pluck('attempts')).every((n: number) => n === 1),
    ).toBe(true);
    expect(reached).toEqual([]);

    // The back office sees why; resending or a test send is refused the same way.
    const list = await admin.request(
      'GET',
      `/api/webhook_deliveries?filter=${encodeURIComponent(JSON.stringify({ webhookId: ids[1] }))}`,
    );
    expect(list.body).toEqual([
      expect.objectContaining({
        status: 'failed',
        attempts: 1,
        lastError: expect.stringContaining('localhost resolves to a loopback address'),
      }),
    ]);
    const resent = await admin.request('POST', `/api/webhook_deliveries/${list.body[0].id}/resend`);
    expect(resent.body).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastError: expect.stringContaining('refused, not retried'),
    });
    const test = await admin.request('POST', `/api/webhooks/${ids[0]}/test`);
    expect(test.body).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastError: expect.stringContaining('127.0.0.1 is a loopback address'),
    });
    expect(reached).toEqual([]);
  });

  it('refuses a stored metadata or private row at delivery without connecting', async () => {
    const [hook] = await app
      .db('webhooks')
      .insert({
        entity_id: await andino(),
        url: 'http://169.254.169.254/latest/meta-data/',
        secret: 'old-row-secret-0123',
        events: ['ticket.no_show'],
      })
      .returning('id');
    const test = await admin.request('POST', `/api/webhooks/${hook.id}/test`);
    expect(test.body).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastStatus: null,
      lastError: expect.stringContaining('169.254.169.254 is a metadata address'),
    });
  });
});
