// Issue 13, video: rights are checked at every use — every API request and every SFU event —
// not only when a join token was issued or a socket connected. One test per finding, each
// failing on the code before the fix.
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { INSTALL_TIMEOUT_MS } from '../../tests/support/sfu.js';
import {
  atDesk,
  callVirtualTicket,
  createVideoStack,
  type Json,
  type Session,
  type VideoStack,
} from '../../tests/support/video-stack.js';

let v: VideoStack;
let diego: Session;
let ana: Session;
const sockets: Socket[] = [];

beforeAll(async () => {
  v = await createVideoStack();
  diego = await v.login('diego@andino.demo');
  ana = await v.login('ana@andino.demo');
}, INSTALL_TIMEOUT_MS);
afterEach(() => {
  for (const s of sockets.splice(0)) s.disconnect();
});
afterAll(() => v?.close());

type Ack = { ok: boolean; error?: { code: string } };
type Call = { ticketId: string; roomId: string; agentToken: string; guestToken: string };

/** A called virtual ticket with both join tokens: the agent's (`holder`) and the customer's. */
async function openCall(holder: Session = diego): Promise<Call> {
  const { ticketId } = await callVirtualTicket(v, holder);
  const agent = await holder.request('POST', `/api/video/tickets/${ticketId}/join`);
  expect(agent.status).toBe(200);
  const guest = await v.anonymous().request('POST', `/api/video/guest/${String(agent.body.guestToken)}/join`);
  expect(guest.status).toBe(200);
  return {
    ticketId,
    roomId: String(agent.body.roomId),
    agentToken: String(agent.body.token),
    guestToken: String(guest.body.token),
  };
}

function sfuSocket(token: string): Socket {
  const s = connect(`${v.sfu.url}/sfu`, {
    auth: { token },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  sockets.push(s);
  return s;
}
const connected = (s: Socket) =>
  new Promise<string>((resolve) => {
    if (s.connected) return resolve('connected');
    s.once('connect', () => resolve('connected'));
    s.once('connect_error', (e) => resolve(e.message));
  });
const ack = (s: Socket, event: string, payload?: object) =>
  (payload === undefined
    ? s.timeout(5000).emitWithAck(event)
    : s.timeout(5000).emitWithAck(event, payload)) as Promise<Ack>;
/** Resolves when the server drops the socket; rejects if it never does. */
const dropped = (s: Socket, ms = 5000) =>
  new Promise<void>((resolve, reject) => {
    if (s.disconnected) return resolve();
    const timer = setTimeout(() => reject(new Error('the SFU kept the socket connected')), ms);
    s.once('disconnect', () => {
      clearTimeout(timer);
      resolve();
    });
  });
const idOf = async (email: string) => (await v.stack.db('users').where({ email }).first('id')).id as number;
const room = (c: Call) => `/api/video/rooms/${c.roomId}`;

describe('issue 13: video rooms follow their ticket, at every use', () => {
  it('a socket connected before the ticket ended cannot join afterwards: it is cut off and the closed room is never re-created (guest and agent)', async () => {
    const call = await openCall();
    const agent = sfuSocket(call.agentToken);
    const guest = sfuSocket(call.guestToken);
    expect(await connected(agent)).toBe('connected');
    expect(await connected(guest)).toBe('connected');
    // Neither has joined yet; the ticket ends under them.
    expect((await diego.request('POST', `/api/tickets/${call.ticketId}/cancel`, { reason: 'prueba' })).status).toBe(
      200,
    );
    await Promise.all([dropped(agent), dropped(guest)]);
    expect(v.sfu.sfu.registry.get(call.roomId)).toBeUndefined();
    expect(await connected(sfuSocket(call.agentToken))).toBe('unauthorized');
    expect(await connected(sfuSocket(call.guestToken))).toBe('unauthorized');
    expect(v.sfu.sfu.registry.get(call.roomId)).toBeUndefined();
  });

  it('a transfer or a requeue revokes the agent who held the ticket: their token reads no chat and their SFU socket is cut off; the customer stays', async () => {
    const call = await openCall();
    const agent = sfuSocket(call.agentToken);
    const guest = sfuSocket(call.guestToken);
    expect(await ack(agent, 'join')).toMatchObject({ ok: true });
    expect(await ack(guest, 'join')).toMatchObject({ ok: true });
    const agentApi = v.anonymous(call.agentToken);
    const guestApi = v.anonymous(call.guestToken);
    expect((await guestApi.request('POST', `${room(call)}/messages`, { body: 'mi cédula es 123' })).status).toBe(201);
    expect((await agentApi.request('GET', `${room(call)}/messages`)).status).toBe(200);

    const agentLeft = new Promise((resolve) => guest.once('peerLeft', resolve));
    const anaId = await idOf('ana@andino.demo');
    const transfer = await diego.request('POST', `/api/tickets/${call.ticketId}/transfer`, { agentId: anaId });
    expect(transfer.status, JSON.stringify(transfer.body)).toBe(200);
    await dropped(agent);
    expect(await agentLeft).toEqual({ peerId: `user-${await idOf('diego@andino.demo')}` });
    const read = await agentApi.request('GET', `${room(call)}/messages`);
    expect(read.status).toBe(403);
    expect(read.body.code).toBe('OnlyServingAgentJoins');
    expect((await agentApi.request('POST', `${room(call)}/messages`, { body: 'sigo aquí' })).status).toBe(403);
    expect(await connected(sfuSocket(call.agentToken))).toBe('unauthorized');
    // The customer waits in the same room for the next agent.
    expect(guest.connected).toBe(true);
    expect((await guestApi.request('GET', `${room(call)}/messages`)).status).toBe(200);

    // Ana calls it, joins, then requeues it: her token goes the same way.
    await atDesk(
      v,
      ana,
      (await v.stack.db('tickets').where({ id: call.ticketId }).first('branch_id')).branch_id as number,
    );
    expect((await ana.request('POST', `/api/tickets/${call.ticketId}/call`, {})).status).toBe(200);
    const anaGrant = await ana.request('POST', `/api/video/tickets/${call.ticketId}/join`);
    expect(anaGrant.body.roomId).toBe(call.roomId); // the customer's room, kept
    const anaSocket = sfuSocket(String(anaGrant.body.token));
    expect(await ack(anaSocket, 'join')).toMatchObject({ ok: true });
    expect((await ana.request('POST', `/api/tickets/${call.ticketId}/requeue`, {})).status).toBe(200);
    await dropped(anaSocket);
    expect((await v.anonymous(String(anaGrant.body.token)).request('GET', `${room(call)}/messages`)).status).toBe(403);
    expect(guest.connected).toBe(true);
    expect((await v.stack.db('tickets').where({ id: call.ticketId }).first('status')).status).toBe('waiting');
  });

  it("chat, files, tags and terms reach only the call's participants, never the branch's staff or the entity's admins", async () => {
    const staff: Record<string, { event: string; data: unknown }[]> = {};
    for (const email of ['supervisor@andino.demo', 'admin@andino.demo', 'ana@andino.demo', 'diego@andino.demo']) {
      const session = await v.login(email);
      const s = connect(v.url, {
        transports: ['websocket'],
        extraHeaders: { cookie: session.cookie },
        reconnection: false,
        forceNew: true,
      });
      sockets.push(s);
      staff[email] = [];
      s.onAny((event: string, data: unknown) => staff[email]!.push({ event, data }));
      expect(await connected(s)).toBe('connected');
    }
    const call = await openCall();
    const guest = sfuSocket(call.guestToken);
    const heard: Json[] = [];
    guest.on('roomEvent', (e: Json) => heard.push(e));
    expect(await ack(guest, 'join')).toMatchObject({ ok: true });

    const agentApi = v.anonymous(call.agentToken);
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32, 1)]);
    expect(
      (await v.anonymous(call.guestToken).request('POST', `${room(call)}/messages`, { body: 'SECRETO-chat' })).status,
    ).toBe(201);
    expect(
      (
        await agentApi.request('POST', `${room(call)}/files`, new Uint8Array(png), {
          'x-file-name': 'SECRETO-archivo.png',
          'content-type': 'application/octet-stream',
        })
      ).status,
    ).toBe(201);
    expect((await agentApi.request('POST', `${room(call)}/tags`, { body: 'SECRETO-etiqueta' })).status).toBe(201);
    expect((await agentApi.request('POST', `${room(call)}/terms`, { text: 'SECRETO-términos' })).status).toBe(201);

    // The participants hear every fact…
    const end = Date.now() + 5000;
    while (heard.length < 4 && Date.now() < end) await new Promise((r) => setTimeout(r, 25));
    expect(heard.map((e) => e.type)).toEqual(['chat', 'chat', 'tag', 'terms_sent']);
    // …and no staff socket hears any of them (the ticket's own changes still reach them).
    await new Promise((r) => setTimeout(r, 300));
    for (const [email, events] of Object.entries(staff)) {
      expect(JSON.stringify(events), email).not.toContain('SECRETO');
      expect(
        events.filter(
          (e) => e.event === 'video' && ['chat', 'tag', 'terms_sent', 'file'].includes(String((e.data as Json).type)),
        ),
        email,
      ).toEqual([]);
    }
    expect(staff['supervisor@andino.demo']!.some((e) => e.event === 'ticket')).toBe(true);
    expect((await diego.request('POST', `/api/tickets/${call.ticketId}/cancel`, {})).status).toBe(200);
  });

  it("only the guest's token answers the terms, and only terms sent in that room and not answered yet", async () => {
    const call = await openCall();
    const other = await openCall(ana);
    const agentApi = v.anonymous(call.agentToken);
    const guestApi = v.anonymous(call.guestToken);
    const sent = await agentApi.request('POST', `${room(call)}/terms`, { text: 'Acepto el tratamiento de datos.' });
    expect(sent.status).toBe(201);
    const termsId = String(sent.body.termsId);
    const elsewhere = String(
      (await v.anonymous(other.agentToken).request('POST', `${room(other)}/terms`, { text: 'Otros términos.' })).body
        .termsId,
    );

    const byAgent = await agentApi.request('POST', `${room(call)}/terms/answer`, { termsId, accepted: true });
    expect(byAgent.status).toBe(403);
    expect(byAgent.body.code).toBe('OnlyCustomerMayDo');
    for (const never of ['6f1c2a9e-8a3b-4c1d-9e2f-0a1b2c3d4e5f', elsewhere]) {
      const forged = await guestApi.request('POST', `${room(call)}/terms/answer`, { termsId: never, accepted: true });
      expect(forged.status).toBe(400);
      expect(forged.body.fields).toMatchObject({ termsId: { code: 'unknown_reference' } });
    }
    expect((await guestApi.request('POST', `${room(call)}/terms/answer`, { termsId, accepted: true })).status).toBe(
      204,
    );
    expect((await guestApi.request('POST', `${room(call)}/terms/answer`, { termsId, accepted: true })).status).toBe(
      204,
    ); // a retry
    const changed = await guestApi.request('POST', `${room(call)}/terms/answer`, { termsId, accepted: false });
    expect(changed.status).toBe(409);
    expect(changed.body.code).toBe('TermsAlreadyAnswered');
    const answers = await v.stack
      .db('ticket_events')
      .where({ ticket_id: call.ticketId, type: 'terms_answered' })
      .select('details', 'actor_type');
    expect(answers).toEqual([{ details: { termsId, accepted: true }, actor_type: 'customer' }]);
    expect((await diego.request('POST', `/api/tickets/${call.ticketId}/cancel`, {})).status).toBe(200);
    expect((await ana.request('POST', `/api/tickets/${other.ticketId}/cancel`, {})).status).toBe(200);
  });

  it('every SFU event re-checks rights at use: a room closed unheard by the SFU refuses the next event of a joined peer and the join of a connected one, and is not re-created', async () => {
    const call = await openCall();
    const agent = sfuSocket(call.agentToken);
    const guest = sfuSocket(call.guestToken);
    expect(await ack(agent, 'join')).toMatchObject({ ok: true });
    expect(await connected(guest)).toBe('connected');
    expect(await ack(agent, 'createTransport', { direction: 'send' })).toMatchObject({ ok: true });
    // The room closes in the database without the SFU being told (a NOTIFY lost or late).
    await v.stack.db('video_rooms').where({ id: call.roomId }).update({ status: 'closed', closed_at: new Date() });

    expect(await ack(agent, 'createTransport', { direction: 'recv' })).toMatchObject({
      ok: false,
      error: { code: 'room_closed' },
    });
    await dropped(agent);
    expect(await ack(guest, 'join')).toMatchObject({ ok: false, error: { code: 'room_closed' } });
    await dropped(guest);
    const end = Date.now() + 2000; // the emptied room is reaped
    while (v.sfu.sfu.registry.get(call.roomId) && Date.now() < end) await new Promise((r) => setTimeout(r, 25));
    expect(v.sfu.sfu.registry.get(call.roomId)).toBeUndefined();
    expect((await diego.request('POST', `/api/tickets/${call.ticketId}/cancel`, {})).status).toBe(200);
  });
});
