// Issue 13, "sockets keep revoked rights": deactivation, role and password changes end sessions
// and sockets at once, in every API process; a socket's rooms follow its user's rights; an
// agent deactivated mid-attention hands the customer back first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import { createAppStack, type ApiClient, type AppStack } from '../../tests/support/app-stack.js';
import { createLogger } from '../../platform/logger.js';
import { listen } from '../server.js';

let app: AppStack;
/** A second API process over the same database and Temporal (its own HTTP, sockets and listener). */
let other: { url: string; close(): Promise<void> };
let admin: ApiClient;
const sockets: Socket[] = [];

interface Live {
  socket: Socket;
  heard: { event: string; data: Record<string, unknown> }[];
  closed: Promise<string>;
}

async function live(client: ApiClient, url = app.url): Promise<Live> {
  const socket = connect(url, {
    transports: ['websocket'],
    extraHeaders: { cookie: client.cookie },
    reconnection: false,
  });
  sockets.push(socket);
  const heard: Live['heard'] = [];
  socket.onAny((event: string, data: Record<string, unknown>) => heard.push({ event, data }));
  const closed = new Promise<string>((resolve) => socket.once('disconnect', (reason) => resolve(reason)));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return { socket, heard, closed };
}

const within = <T>(p: Promise<T>, ms = 5000): Promise<T> =>
  Promise.race([p, new Promise<T>((_r, reject) => setTimeout(() => reject(new Error(`not within ${ms} ms`)), ms))]);

async function until(check: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

const branchId = async (code: string) => (await app.db('branches').where({ code }).first('id')).id as number;
const serviceOf = async (code: string, label: string) =>
  (
    await app
      .db('services as s')
      .join('branches as b', 'b.id', 's.branch_id')
      .where({ 'b.code': code, 's.label': label })
      .first('s.id')
  ).id as number;
let n = 0;
/** A fresh member of staff, created by the admin through the API, and logged in. */
async function staff(
  role: 'agent' | 'supervisor' | 'admin',
  branch: string | null,
): Promise<{ id: number; client: ApiClient; email: string }> {
  const email = `staff${++n}@andino.demo`;
  const res = await admin.request('POST', '/api/users', {
    email,
    password: 'una-clave-larga-1',
    role,
    firstName: 'Test',
    lastName: `Staff ${n}`,
    branchId: branch ? await branchId(branch) : null,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { id: res.body.id as number, client: await app.login(email, 'una-clave-larga-1'), email };
}
const sessionsOf = async (userId: number) =>
  Number((await app.db('sessions').where({ user_id: userId }).count({ n: '*' }))[0]!.n);

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
  admin = await app.login('admin@andino.demo');
});
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await other?.close();
  await app?.closeAll();
});

describe('issue 13: revoked rights end sessions and sockets at once', () => {
  it('deactivating a user ends every session and disconnects every socket, in this API process and another', async () => {
    const sup = await staff('supervisor', 'CEN');
    const second = await app.login(sup.email, 'una-clave-larga-1');
    const here = await live(sup.client);
    const there = await live(second, other.url); // held by the other API process
    const res = await admin.request('PUT', `/api/users/${sup.id}`, { active: false });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(await within(here.closed)).toBe('io server disconnect');
    expect(await within(there.closed)).toBe('io server disconnect');
    expect(await sessionsOf(sup.id)).toBe(0);
    await expect(live(second, other.url)).rejects.toThrow(/Unauthorized/);
  });

  it('an admin demoted to agent leaves the entity-wide room: no more events of another branch', async () => {
    const boss = await staff('admin', null);
    const watch = await live(boss.client);
    const norte = await serviceOf('NOR', 'C');
    const before = await admin.request('POST', '/api/tickets', { serviceId: norte });
    await until(() => watch.heard.some((h) => h.data.ticketId === before.body.id)); // the entity-wide room hears Norte

    const res = await admin.request('PUT', `/api/users/${boss.id}`, { role: 'agent', branchId: await branchId('CEN') });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(await within(watch.closed)).toBe('io server disconnect');
    // Logged in again, as the agent of Centro she now is: Norte's tickets stay out of hearing.
    const again = await live(await app.login(boss.email, 'una-clave-larga-1'));
    const after = await admin.request('POST', '/api/tickets', { serviceId: norte });
    const centro = await admin.request('POST', '/api/tickets', { serviceId: await serviceOf('CEN', 'C') });
    await until(() => again.heard.some((h) => h.data.ticketId === centro.body.id));
    await new Promise((r) => setTimeout(r, 300));
    expect(again.heard.filter((h) => h.data.ticketId === after.body.id)).toEqual([]);
  });

  it('a supervisor moved to another branch: her open socket re-checks its rooms and what it may follow', async () => {
    const sup = await staff('supervisor', 'NOR');
    const watch = await live(sup.client);
    const norte = await admin.request('POST', '/api/tickets', { serviceId: await serviceOf('NOR', 'C') });
    expect((await watch.socket.emitWithAck('follow', norte.body.id)).ok).toBe(true);

    expect((await admin.request('PUT', `/api/users/${sup.id}`, { branchId: await branchId('CEN') })).status).toBe(200);
    // The session goes on; the rooms change. Following Norte's ticket is refused now…
    await until(async () => !(await watch.socket.emitWithAck('follow', norte.body.id)).ok);
    // …and Centro's events arrive while Norte's (even the one she followed) no longer do.
    const centro = await admin.request('POST', '/api/tickets', { serviceId: await serviceOf('CEN', 'C') });
    const norte2 = await admin.request('POST', '/api/tickets', { serviceId: await serviceOf('NOR', 'C') });
    expect((await admin.request('POST', `/api/tickets/${norte.body.id}/cancel`, { reason: 'test' })).status).toBe(200);
    await until(() => watch.heard.some((h) => h.data.ticketId === centro.body.id));
    await new Promise((r) => setTimeout(r, 300));
    expect(
      watch.heard.filter(
        (h) =>
          h.data.ticketId === norte2.body.id || (h.data.ticketId === norte.body.id && h.data.status === 'cancelled'),
      ),
    ).toEqual([]);
    expect(watch.socket.connected).toBe(true);
  });

  it("a new password set by an admin ends all of that user's sessions and sockets", async () => {
    const agent = await staff('agent', 'CEN');
    const watch = await live(agent.client);
    expect((await admin.request('PUT', `/api/users/${agent.id}`, { password: 'otra-clave-larga-2' })).status).toBe(200);
    expect(await within(watch.closed)).toBe('io server disconnect');
    expect((await agent.client.request('GET', '/api/auth/me')).status).toBe(401);
    await app.login(agent.email, 'otra-clave-larga-2');
  });

  it('an agent deactivated mid-attention: the ticket is requeued keeping its arrival (the admin on its timeline), the shift ends, then the sessions', async () => {
    const carla = await app.login('carla@andino.demo');
    const me = (await app.db('users').where({ email: 'carla@andino.demo' }).first('id', 'branch_id')) as {
      id: number;
      branch_id: number;
    };
    const desk = await app
      .db('desks')
      .where({ branch_id: me.branch_id })
      .whereNotIn('id', app.db('shifts').whereNull('ended_at').select('desk_id'))
      .first('id');
    // Offline, then manual: dispatch gives her none of the tickets the other tests left waiting.
    const shift = await carla.request('POST', '/api/shifts', { deskId: desk.id, state: 'offline' });
    expect(shift.status, JSON.stringify(shift.body)).toBe(201);
    expect((await carla.request('POST', '/api/shifts/current/manual', { manual: true })).status).toBe(200);
    expect((await carla.request('POST', '/api/shifts/current/state', { state: 'online' })).status).toBe(200);
    const t = await carla.request('POST', '/api/tickets', { serviceId: await serviceOf('CEN', 'A') });
    const called = await carla.request('POST', `/api/tickets/${t.body.id}/call`, { deskId: desk.id });
    expect(called.status, JSON.stringify(called.body)).toBe(200);
    expect((await carla.request('POST', `/api/tickets/${t.body.id}/attend`, {})).status).toBe(200);
    const arrival = (await app.db('tickets').where({ id: t.body.id }).first('arrival_at')).arrival_at as Date;
    const watch = await live(carla);

    const res = await admin.request('PUT', `/api/users/${me.id}`, { active: false });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const ticket = await app.db('tickets').where({ id: t.body.id }).first('status', 'agent_id', 'arrival_at');
    expect(ticket).toEqual({ status: 'waiting', agent_id: null, arrival_at: arrival });
    const timeline = await admin.request('GET', `/api/tickets/${t.body.id}/timeline`);
    expect(JSON.stringify(timeline.body)).toContain('requeued');
    const requeued = await app
      .db('ticket_events')
      .where({ ticket_id: t.body.id, type: 'requeued' })
      .first('actor_id', 'details');
    expect(requeued).toMatchObject({
      actor_id: (await app.db('users').where({ email: 'admin@andino.demo' }).first('id')).id,
      details: { keepArrival: true },
    });
    expect((await app.db('shifts').where({ id: shift.body.id }).first('ended_at')).ended_at).not.toBeNull();
    expect(await within(watch.closed)).toBe('io server disconnect');
    expect(await sessionsOf(me.id)).toBe(0);
  });

  it('the old rules stand: nobody deactivates themselves or changes their own role', async () => {
    const me = (await app.db('users').where({ email: 'admin@andino.demo' }).first('id')).id as number;
    const self = await admin.request('PUT', `/api/users/${me}`, { active: false });
    expect(self.status).toBe(400);
    expect(self.body).toMatchObject({ fields: { active: { code: 'CannotDeactivateSelf' } } });
    const role = await admin.request('PUT', `/api/users/${me}`, { role: 'agent' });
    expect(role.status).toBe(400);
    expect(role.body).toMatchObject({ fields: { role: { code: 'CannotChangeOwnRole' } } });
    expect((await admin.request('GET', '/api/auth/me')).status).toBe(200);
  });
});
