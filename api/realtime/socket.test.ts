// G3/A2/B7/H7: socket.io pushes each change to the rooms that may see it, and only to them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import { createAppStack, type ApiClient, type AppStack } from '../../tests/support/app-stack.js';
import { createOrg } from '../../tests/support/fixtures.js';
import { hashPassword } from '../../platform/passwords.js';
import { DEMO_PASSWORD } from '../../db/seed/demo.js';
import { EVENTS_CHANNEL } from '../../db/knex.js';

let app: AppStack;
const sockets: Socket[] = [];
const clients: Record<string, ApiClient> = {};
const socks: Record<string, Socket> = {};
const heard: Record<string, { event: string; data: Record<string, unknown> }[]> = {};

async function open(name: string, client: ApiClient): Promise<Socket> {
  const s = connect(app.url, {
    transports: ['websocket'],
    extraHeaders: { cookie: client.cookie },
    reconnection: false,
  });
  sockets.push(s);
  heard[name] = [];
  s.onAny((event: string, data: Record<string, unknown>) => heard[name]!.push({ event, data }));
  await new Promise<void>((resolve, reject) => {
    s.once('connect', () => resolve());
    s.once('connect_error', reject);
  });
  return s;
}

async function until(check: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting for a socket event');
    await new Promise((r) => setTimeout(r, 25));
  }
}
const got = (name: string, event: string, pred: (d: Record<string, unknown>) => boolean) =>
  heard[name]!.some((h) => h.event === event && pred(h.data));

beforeAll(async () => {
  app = await createAppStack();
  const other = await createOrg(app.db);
  await app.db('users').insert({
    entity_id: other.entityId,
    branch_id: null,
    email: 'root@other.test',
    password_hash: await hashPassword(DEMO_PASSWORD),
    role: 'admin',
    first_name: 'Root',
    last_name: 'Other',
  });
  for (const [name, email] of [
    ['ana', 'ana@andino.demo'],
    ['elena', 'elena@andino.demo'],
    ['supervisor', 'supervisor@andino.demo'],
    ['admin', 'admin@andino.demo'],
    ['other', 'root@other.test'],
  ]) {
    clients[name!] = await app.login(email!);
    socks[name!] = await open(name!, clients[name!]!);
  }
});
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await app?.closeAll();
});

const cenService = async (label: string) =>
  (
    await app
      .db('services as s')
      .join('branches as b', 'b.id', 's.branch_id')
      .where({ 'b.code': 'CEN', 's.label': label })
      .first('s.id')
  ).id as number;

describe('G3 live ticket changes', () => {
  it("a ticket change reaches its branch, the entity's admins and followers — never another branch or entity", async () => {
    const t = await clients.ana!.request('POST', '/api/tickets', { serviceId: await cenService('C') });
    expect(t.status).toBe(201);
    const isIt = (d: Record<string, unknown>) => d.ticketId === t.body.id;
    await until(() => got('ana', 'ticket', isIt) && got('supervisor', 'ticket', isIt) && got('admin', 'ticket', isIt));
    // The other entity may try to follow the ticket by id: refused.
    const ack = await socks.other!.emitWithAck('follow', t.body.id);
    expect(ack).toEqual({ ok: false, error: 'NotFound' });
    expect((await socks.elena!.emitWithAck('follow', t.body.id)).ok).toBe(false); // another branch
    const cancel = await clients.supervisor!.request('POST', `/api/tickets/${t.body.id}/cancel`, { reason: 'test' });
    expect(cancel.status).toBe(200);
    await until(() => got('ana', 'ticket', (d) => isIt(d) && d.status === 'cancelled'));
    await new Promise((r) => setTimeout(r, 300)); // leave time for a wrong delivery to show up
    expect(heard.elena!.filter((h) => isIt(h.data))).toEqual([]);
    expect(heard.other!.filter((h) => isIt(h.data))).toEqual([]);
  });

  it('an announced event without its entity is sent to nobody', async () => {
    const before = Object.values(heard).reduce((n, h) => n + h.length, 0);
    await app.db.raw('select pg_notify(?, ?)', [
      EVENTS_CHANNEL,
      JSON.stringify({ kind: 'ticket', ticketId: 'x', branchId: 1, status: 'waiting' }),
    ]);
    await new Promise((r) => setTimeout(r, 300));
    expect(Object.values(heard).reduce((n, h) => n + h.length, 0)).toBe(before);
  });
});

describe('B2/H4 live agent states', () => {
  it("an agent's shift state change reaches the branch and the entity's admins only", async () => {
    const ana = await app.db('users').where({ email: 'ana@andino.demo' }).first('id', 'branch_id');
    const desk = await app
      .db('desks')
      .where({ branch_id: ana.branch_id })
      .whereNotIn('id', app.db('shifts').whereNull('ended_at').select('desk_id'))
      .first('id');
    const opened = await clients.ana!.request('POST', '/api/shifts', { deskId: desk.id });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    expect((await clients.ana!.request('POST', '/api/shifts/current/state', { state: 'lunch' })).status).toBe(200);
    const isAna = (d: Record<string, unknown>) => d.userId === ana.id && d.state === 'lunch';
    await until(() => got('supervisor', 'shift', isAna) && got('admin', 'shift', isAna) && got('ana', 'shift', isAna));
    await new Promise((r) => setTimeout(r, 300));
    expect(heard.elena!.some((h) => h.event === 'shift')).toBe(false);
    expect(heard.other!.some((h) => h.event === 'shift')).toBe(false);
    expect((await clients.ana!.request('POST', '/api/shifts/current/end', {})).status).toBe(200);
  });
});

describe('A2 notifications', () => {
  it('an appointment confirmation notifies the assigned agents live, with unread counts and mark-as-read', async () => {
    const scheduledAt = new Date(Date.now() + 3 * 3600_000).toISOString();
    const appt = await clients.supervisor!.request('POST', '/api/appointments', {
      serviceId: await cenService('C'),
      scheduledAt,
      customer: { firstName: 'Marta', lastName: 'Cita' },
    });
    expect(appt.status, JSON.stringify(appt.body)).toBe(201);
    expect(appt.body.ticketId).toEqual(expect.any(String));
    expect((await clients.supervisor!.request('POST', `/api/tickets/${appt.body.ticketId}/confirm`, {})).status).toBe(
      200,
    );
    await until(() => got('ana', 'notification', () => true));
    expect(heard.elena!.some((h) => h.event === 'notification')).toBe(false);
    expect(heard.other!.some((h) => h.event === 'notification')).toBe(false);

    const list = await clients.ana!.request(
      'GET',
      `/api/notifications?filter=${encodeURIComponent('{"unread":true}')}`,
    );
    expect(list.status).toBe(200);
    expect(list.headers.get('x-unread-count')).toBe(String(list.body.length));
    expect(list.body[0]).toMatchObject({ type: 'appointment_confirmed', readAt: null });
    const count = await clients.ana!.request('GET', '/api/notifications/unread-count');
    expect(count.body.unread).toBe(list.body.length);
    const read = await clients.ana!.request('POST', `/api/notifications/${list.body[0].id}/read`);
    expect(read.body.readAt).not.toBeNull();
    // Another user's notification is not found, not readable.
    expect((await clients.elena!.request('POST', `/api/notifications/${list.body[0].id}/read`)).status).toBe(404);
    expect((await clients.elena!.request('GET', `/api/notifications/${list.body[0].id}`)).status).toBe(404);
    await clients.ana!.request('POST', '/api/notifications/read-all');
    expect((await clients.ana!.request('GET', '/api/notifications/unread-count')).body.unread).toBe(0);
  });
});

describe('F1 logging out ends the live connection', () => {
  it("the session's sockets are disconnected at log out", async () => {
    const bruno = await app.login('bruno@andino.demo');
    const s = await open('bruno', bruno);
    const closed = new Promise<string>((resolve) => s.once('disconnect', (reason) => resolve(reason)));
    expect((await bruno.request('POST', '/api/auth/logout')).status).toBe(200);
    expect(await closed).toBe('io server disconnect');
    const again = connect(app.url, {
      transports: ['websocket'],
      extraHeaders: { cookie: bruno.cookie },
      reconnection: false,
    });
    sockets.push(again);
    await expect(
      new Promise((resolve, reject) => {
        again.once('connect', () => resolve(undefined));
        again.once('connect_error', (e) => reject(e));
      }),
    ).rejects.toThrow(/Unauthorized/);
  });
});
