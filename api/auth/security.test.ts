// Issue 13 security regressions for logins, cross-site requests, sockets and staff e-mails: each
// test is one finding of the black-box sweep, and failed on the code before it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect } from 'socket.io-client';
import { createAppStack, type ApiClient, type AppStack } from '../../tests/support/app-stack.js';
import { createOrg } from '../../tests/support/fixtures.js';
import { DEMO_PASSWORD } from '../../db/seed/demo.js';
import { createLogger } from '../../platform/logger.js';
import { listen } from '../server.js';
import { LOGIN_LIMITS } from './limiter.js';
import { hashPassword } from '../../platform/passwords.js';

let app: AppStack;
/** A second API process over the same database: limits must hold across both. */
let other: { url: string; close(): Promise<void> };

beforeAll(async () => {
  app = await createAppStack();
  const server = await listen(
    {
      db: app.db,
      temporal: app.client,
      taskQueue: app.taskQueue,
      log: createLogger('test-api-2', 'silent'),
      config: {
        NODE_ENV: 'test',
        publicUrl: 'http://localhost',
        temporalUiUrl: 'http://localhost:8233',
        TEMPORAL_NAMESPACE: app.namespace,
      },
    },
    app.dbUrl,
    0,
  );
  other = { url: `http://127.0.0.1:${server.port}`, close: server.close };
});
afterAll(async () => {
  await other?.close();
  await app?.closeAll();
});

/** A login as a client at `address` (the API trusts X-Forwarded-For from its loopback proxy). */
const login = (email: string, password: string, address: string, url = app.url, extra: Record<string, unknown> = {}) =>
  fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify({ email, password, ...extra }),
  });

describe('issue 13: logins are limited per account and per address, in every API process', () => {
  it('after a 429 the same e-mail with spaces or capitals is refused too, with Retry-After', async () => {
    const address = '198.51.100.1';
    for (let i = 0; i < LOGIN_LIMITS.email.max; i++)
      expect((await login('fabio@andino.demo', `guess-${i}`, address)).status).toBe(401);
    const refused = await login('fabio@andino.demo', 'guess-x', address);
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({ error: 'TooManyRequests', code: 'TooManyRequests' });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // The same account typed otherwise, from another address: still that account's budget.
    // (The login schema also NFC-normalises, though an address it accepts is ASCII anyway.)
    for (const spelled of ['  fabio@andino.demo ', 'FABIO@Andino.Demo', ' Fabio@ANDINO.demo']) {
      const res = await login(spelled, DEMO_PASSWORD, '198.51.100.2');
      expect(res.status, spelled).toBe(429);
      expect(res.headers.get('retry-after')).not.toBeNull();
    }
  });

  it('spraying many e-mails from one address is stopped by the per-address budget; other addresses are served', async () => {
    const address = '203.0.113.7';
    const statuses: number[] = [];
    for (let i = 0; i < LOGIN_LIMITS.address.max + 1; i++)
      statuses.push((await login(`nobody${i}@andino.demo`, 'guess', address)).status);
    expect(statuses.slice(0, LOGIN_LIMITS.address.max).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    // Even the right password for a real account waits, from that address only.
    const blocked = await login('diego@andino.demo', DEMO_PASSWORD, address);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await login('diego@andino.demo', DEMO_PASSWORD, '203.0.113.8')).status).toBe(200);
  });

  it('the per-account budget is shared by every API process', async () => {
    const statuses: number[] = [];
    for (let i = 0; i <= LOGIN_LIMITS.email.max; i++) {
      statuses.push((await login('elena@andino.demo', `guess-${i}`, '192.0.2.1', i % 2 ? other.url : app.url)).status);
    }
    expect(statuses.slice(0, LOGIN_LIMITS.email.max).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});

describe('issue 13: a cookie request must come from this site', () => {
  const unsafe = (client: ApiClient, headers: Record<string, string>, body?: BodyInit) =>
    fetch(`${app.url}/api/notifications/read-all`, {
      method: 'POST',
      headers: { cookie: client.cookie, ...headers },
      body,
    });

  it('Origin null, or no Origin with an empty or multipart body, is refused (CrossSite); a matching Origin or Referer, or a bearer token, passes', async () => {
    const ana = await app.login('ana@andino.demo');
    const form = new FormData();
    form.append('x', '1');
    for (const [what, headers, body] of [
      ['Origin null, empty body', { origin: 'null' }, undefined],
      ['no Origin, empty body', {}, undefined],
      ['no Origin, multipart body', {}, form],
      ['no Origin, foreign Referer', { referer: 'https://evil.example/page' }, undefined],
      ['foreign Origin, own Referer', { origin: 'https://evil.example', referer: `${app.url}/admin/` }, undefined],
    ] as [string, Record<string, string>, BodyInit | undefined][]) {
      const res = await unsafe(ana, headers, body);
      expect(res.status, what).toBe(403);
      expect(await res.json(), what).toMatchObject({ error: 'Forbidden', code: 'CrossSite' });
    }
    expect((await unsafe(ana, { origin: app.url })).status).toBe(200);
    expect((await unsafe(ana, { referer: `${app.url}/admin/#/tickets` })).status).toBe(200);
    expect((await unsafe(ana, { origin: 'http://localhost' })).status).toBe(200); // the configured public URL
    const token = (
      await (await login('ana@andino.demo', DEMO_PASSWORD, '192.0.2.200', app.url, { tokenInBody: true })).json()
    ).token as string;
    const bearer = await fetch(`${app.url}/api/notifications/read-all`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(bearer.status).toBe(200);
  });
});

describe('issue 13: socket.io refuses foreign origins', () => {
  const handshake = (headers: Record<string, string>) =>
    new Promise<string>((resolve) => {
      const s = connect(app.url, { transports: ['websocket'], extraHeaders: headers, reconnection: false });
      s.once('connect', () => {
        s.disconnect();
        resolve('connected');
      });
      s.once('connect_error', (e) => resolve(`refused: ${e.message}`));
    });

  it('a cookie websocket from another site (or Origin null) is refused; from this site it connects', async () => {
    const ana = await app.login('ana@andino.demo');
    expect(await handshake({ cookie: ana.cookie, origin: 'https://evil.example' })).toMatch(/^refused/);
    expect(await handshake({ cookie: ana.cookie, origin: 'null' })).toMatch(/^refused/);
    expect(await handshake({ cookie: ana.cookie, origin: app.url })).toBe('connected');
    expect(await handshake({ cookie: ana.cookie })).toBe('connected'); // no Origin: not a browser, holds no victim's cookie
  });
});

describe("issue 13: no answer reveals another entity's staff", () => {
  it("creating a user with another entity's e-mail answers as for a free one; each logs in to their own entity", async () => {
    const org = await createOrg(app.db);
    await app.db('users').insert({
      entity_id: org.entityId,
      branch_id: null,
      email: 'root@other.test',
      password_hash: await hashPassword(DEMO_PASSWORD),
      role: 'admin',
      first_name: 'Root',
      last_name: 'Other',
    });
    const root = await app.login('root@other.test');
    const user = (email: string) => ({
      email,
      password: 'clave-de-otra-1',
      role: 'supervisor',
      firstName: 'Ana',
      lastName: 'Otra',
      branchId: org.branchId,
    });

    const taken = await root.request('POST', '/api/users', user('ana@andino.demo')); // Banco Andino's Ana
    const free = await root.request('POST', '/api/users', user('nadie@andino.demo'));
    expect([taken.status, free.status]).toEqual([201, 201]);
    expect(Object.keys(taken.body).sort()).toEqual(Object.keys(free.body).sort());
    // Within one's own entity the e-mail is still one person's (its users are visible anyway).
    const twice = await root.request('POST', '/api/users', user('ana@andino.demo'));
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ code: 'AlreadyUsed', fields: { email: { code: 'already_used' } } });

    // Each password opens its own entity.
    const me = async (email: string, password: string) => {
      const res = await login(email, password, '192.0.2.210');
      expect(res.status).toBe(200);
      const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
      return (await (await fetch(`${app.url}/api/auth/me`, { headers: { cookie } })).json()).entityId as number;
    };
    const andino = (await app.db('entities').where({ slug: 'andino' }).first('id')).id as number;
    expect(await me('ana@andino.demo', DEMO_PASSWORD)).toBe(andino);
    expect(await me('ana@andino.demo', 'clave-de-otra-1')).toBe(org.entityId);
    // The same password in both: the person is asked which entity, and only then.
    await app
      .db('users')
      .where({ entity_id: org.entityId, email: 'ana@andino.demo' })
      .update({ password_hash: await hashPassword(DEMO_PASSWORD) });
    const ambiguous = await login('ana@andino.demo', DEMO_PASSWORD, '192.0.2.211');
    expect(ambiguous.status).toBe(409);
    expect((await ambiguous.json()).params.entities).toHaveLength(2);
    const slug = (await app.db('entities').where({ id: org.entityId }).first('slug')).slug as string;
    const chosen = await login('ana@andino.demo', DEMO_PASSWORD, '192.0.2.211', app.url, { entity: slug });
    expect(chosen.status).toBe(200);
  });
});
