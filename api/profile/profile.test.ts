// E1–E4 profile, and the session rules around it: F1 log out, expiry, login rate limit.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppStack, type AppStack } from '../../tests/support/app-stack.js';
import { DEMO_PASSWORD } from '../../db/seed/demo.js';

let app: AppStack;
beforeAll(async () => {
  app = await createAppStack();
});
afterAll(() => app?.closeAll());

describe('E1–E4 profile', () => {
  it('E1: shows name, surname, phone, e-mail, entity and branch', async () => {
    const ana = await app.login('ana@andino.demo');
    const res = await ana.request('GET', '/api/profile');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      firstName: 'Ana',
      lastName: 'Restrepo',
      email: 'ana@andino.demo',
      entityName: 'Banco Andino',
      branchName: 'Sucursal Centro',
      phone: null,
    });
  });

  it('E2: edits name, surname and phone', async () => {
    const ana = await app.login('ana@andino.demo');
    const res = await ana.request('PUT', '/api/profile', { firstName: 'Ana María', phone: '+57 300 765 4321' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ firstName: 'Ana María', lastName: 'Restrepo', phone: '+57 300 765 4321' });
  });

  it.each([
    [{ email: 'otra@andino.demo' }, 'email'],
    [{ entityId: 2 }, 'entityId'],
    [{ branchId: 2 }, 'branchId'],
    [{ branchName: 'Sucursal Norte', firstName: 'Ana' }, 'branchName'],
    [{ role: 'admin' }, 'role'],
    [{ phone: 'call me maybe' }, 'phone'],
    [{ firstName: '' }, 'firstName'],
  ])('E4: %j is refused with a field error and changes nothing', async (body, field) => {
    const ana = await app.login('ana@andino.demo');
    const before = await app.db('users').where({ email: 'ana@andino.demo' }).first();
    const res = await ana.request('PUT', '/api/profile', body);
    expect(res.status).toBe(400);
    expect(res.body.fields).toHaveProperty(field);
    expect(await app.db('users').where({ email: 'ana@andino.demo' }).first()).toEqual(before);
  });

  it('E2/E4: arbitrary bodies never fail with 500 and never change e-mail, entity, branch or role', async () => {
    const ana = await app.login('elena@andino.demo');
    const keep = () =>
      app
        .db('users')
        .where({ email: 'elena@andino.demo' })
        .first('email', 'entity_id', 'branch_id', 'role', 'password_hash');
    const before = await keep();
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(
          fc.constantFrom('firstName', 'lastName', 'phone', 'email', 'branchId', 'entityId', 'role', 'x'),
          fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.boolean(), fc.constant("'; drop table users; --")),
        ),
        async (body) => {
          const res = await ana.request('PUT', '/api/profile', body);
          expect([200, 400]).toContain(res.status);
        },
      ),
      { numRuns: 60 },
    );
    expect(await keep()).toEqual(before);
  });

  it('E3: changing the password needs the current one and ends the other sessions', async () => {
    const here = await app.login('bruno@andino.demo');
    const elsewhere = await app.login('bruno@andino.demo');
    const wrong = await here.request('POST', '/api/profile/password', {
      currentPassword: 'not-it-at-all',
      newPassword: 'una-clave-nueva-1',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.fields).toHaveProperty('currentPassword');
    const short = await here.request('POST', '/api/profile/password', {
      currentPassword: DEMO_PASSWORD,
      newPassword: 'corta',
    });
    expect(short.status).toBe(400);
    expect(short.body.fields).toHaveProperty('newPassword');
    const ok = await here.request('POST', '/api/profile/password', {
      currentPassword: DEMO_PASSWORD,
      newPassword: 'una-clave-nueva-1',
    });
    expect(ok.status).toBe(200);
    expect(ok.body.revokedSessions).toBeGreaterThanOrEqual(1);
    expect((await here.request('GET', '/api/profile')).status).toBe(200);
    expect((await elsewhere.request('GET', '/api/profile')).status).toBe(401);
    await expect(app.login('bruno@andino.demo')).rejects.toThrow(/401/);
    await app.login('bruno@andino.demo', 'una-clave-nueva-1');
    expect((await app.db('users').where({ email: 'bruno@andino.demo' }).first('password_hash')).password_hash).toMatch(
      /^\$argon2id\$/,
    );
  });
});

describe('sessions', () => {
  it('F1: logging out ends the session', async () => {
    const carla = await app.login('carla@andino.demo');
    expect((await carla.request('POST', '/api/auth/logout')).status).toBe(200);
    expect((await carla.request('GET', '/api/auth/me')).status).toBe(401);
  });

  it('an expired session is refused with a message that says to log in again', async () => {
    const diego = await app.login('diego@andino.demo');
    await app
      .db('sessions')
      .update({ expires_at: new Date(Date.now() - 1000) })
      .whereIn('user_id', app.db('users').where({ email: 'diego@andino.demo' }).select('id'));
    const res = await diego.request('GET', '/api/profile');
    expect(res.status).toBe(401);
    expect(res.body.message).toMatch(/log in again/);
  });

  it('login is rate-limited: the 11th try in a minute is 429', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const res = await fetch(`${app.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'fabio@andino.demo', password: `guess-${i}` }),
      });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses[10]).toBe(429);
  });
});
