// Issue 12, "a wrong door never costs a shift": an agent at her desk who tries the back office is
// refused with BackOfficeStaffOnly, and her shift and console session stay exactly as they were.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppStack, type AppStack } from '../../tests/support/app-stack.js';
import { DEMO_PASSWORD } from '../../db/seed/demo.js';

let app: AppStack;
beforeAll(async () => {
  app = await createAppStack();
});
afterAll(() => app?.closeAll());

/** The back office's login request (admin/src/authProvider.ts), with or without a cookie. */
const backOfficeLogin = (email: string, cookie?: string) =>
  fetch(`${app.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie, origin: app.url } : {}) },
    body: JSON.stringify({ email, password: DEMO_PASSWORD, backOffice: true }),
  });

describe('issue 12: the back office refuses agents without touching their shift', () => {
  it('an agent with an open shift is refused (BackOfficeStaffOnly); her shift and console session go on', async () => {
    const ana = await app.login('ana@andino.demo');
    const me = (await app.db('users').where({ email: 'ana@andino.demo' }).first('id', 'branch_id')) as {
      id: number;
      branch_id: number;
    };
    const desk = (await app.db('desks').where({ branch_id: me.branch_id }).orderBy('id').first('id')).id as number;
    const opened = await ana.request('POST', '/api/shifts', { deskId: desk });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const sessions = async () => Number((await app.db('sessions').where({ user_id: me.id }).count({ n: '*' }))[0]!.n);
    const before = await sessions();

    // From a fresh browser, and from the one that holds her console cookie.
    for (const cookie of [undefined, ana.cookie]) {
      const res = await backOfficeLogin('ana@andino.demo', cookie);
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ error: 'Forbidden', code: 'BackOfficeStaffOnly', params: {} });
      expect(res.headers.get('set-cookie')).toBeNull(); // no new session replaces the console's
    }
    expect(await sessions()).toBe(before);

    const shift = await app.db('shifts').where({ id: opened.body.id }).first('ended_at', 'desk_id');
    expect(shift).toEqual({ ended_at: null, desk_id: desk });
    expect((await ana.request('GET', '/api/auth/me')).status).toBe(200);
    const current = await ana.request('GET', '/api/shifts/current');
    expect(current.status, JSON.stringify(current.body)).toBe(200);
    expect(current.body).toMatchObject({ id: opened.body.id });
  });

  it('a wrong password is still BadCredentials (the role is not disclosed), and staff get in', async () => {
    const wrong = await fetch(`${app.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'bruno@andino.demo', password: 'not-the-password', backOffice: true }),
    });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ error: 'Unauthorized', code: 'BadCredentials' });
    const supervisor = await backOfficeLogin('supervisor@andino.demo');
    expect(supervisor.status).toBe(200);
    expect(supervisor.headers.get('set-cookie')).toMatch(/^vt_session=/);
  });
});
