// D10/G4: the guest link and the SFU join tokens grant exactly one room, and only while its
// ticket is live; D3: ending the ticket closes the room for everyone in it.
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { signJoinToken } from '../../sfu/join-token.js';
import { INSTALL_TIMEOUT_MS } from '../../tests/support/sfu.js';
import { callVirtualTicket, createVideoStack, type Session, type VideoStack } from '../../tests/support/video-stack.js';

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
  new Promise<'connected' | string>((resolve) => {
    s.once('connect', () => resolve('connected'));
    s.once('connect_error', (e) => resolve(e.message));
  });
const ack = (s: Socket, event: string, payload?: object) =>
  (payload === undefined
    ? s.timeout(5000).emitWithAck(event)
    : s.timeout(5000).emitWithAck(event, payload)) as Promise<{
    ok: boolean;
    roomId?: string;
    error?: { code: string };
  }>;

describe('D10: the guest link', () => {
  it('joins its own room only, and not after the ticket ended', async () => {
    const one = await callVirtualTicket(v, diego);
    const two = await callVirtualTicket(v, ana, { firstName: 'Otro', lastName: 'Cliente' });
    const rooms = await v.stack
      .db('video_rooms')
      .whereIn('ticket_id', [one.ticketId, two.ticketId])
      .select('id', 'ticket_id', 'status');
    expect(rooms).toHaveLength(2); // D1: the call opened as the ticket was called
    const roomOne = rooms.find((r) => r.ticket_id === one.ticketId)!.id as string;
    const roomTwo = rooms.find((r) => r.ticket_id === two.ticketId)!.id as string;

    const agentGrant = await diego.request('POST', `/api/video/tickets/${one.ticketId}/join`);
    expect(agentGrant.status).toBe(200);
    expect(agentGrant.body).toMatchObject({ roomId: roomOne, sfuUrl: v.sfu.url });
    expect(String(agentGrant.body.guestUrl)).toMatch(/\/join\/[A-Za-z0-9_-]{40,}$/);
    // Another agent does not hold this ticket.
    expect((await ana.request('POST', `/api/video/tickets/${one.ticketId}/join`)).status).toBe(403);

    const guestToken = String(agentGrant.body.guestToken);
    const guest = await v.anonymous().request('POST', `/api/video/guest/${guestToken}/join`);
    expect(guest.status).toBe(200);
    expect(guest.body).toMatchObject({ roomId: roomOne, peerId: 'guest', customerName: 'Luz Marina' });
    expect((await v.anonymous().request('POST', `/api/video/guest/${guestToken.slice(0, -2)}xx/join`)).status).toBe(
      404,
    );

    // Over the SFU: the token's room, whatever the client asks for.
    const socket = sfuSocket(String(guest.body.token));
    expect(await connected(socket)).toBe('connected');
    expect(await ack(socket, 'join', { roomId: roomTwo })).toMatchObject({
      ok: false,
      error: { code: 'invalid_payload' },
    });
    expect(await ack(socket, 'join')).toMatchObject({ ok: true, roomId: roomOne });
    // Over the API: the bearer's room only.
    const guestApi = v.anonymous(String(guest.body.token));
    expect((await guestApi.request('POST', `/api/video/rooms/${roomOne}/messages`, { body: 'hola' })).status).toBe(201);
    expect((await guestApi.request('POST', `/api/video/rooms/${roomTwo}/messages`, { body: 'hola' })).status).toBe(401);
    // A token for room two signed with another secret is refused by the SFU.
    const forged = signJoinToken('not-the-secret-0123456789', {
      roomId: roomTwo,
      peerId: 'guest',
      role: 'guest',
      displayName: 'X',
    });
    expect(await connected(sfuSocket(forged))).toBe('unauthorized');

    // D3: ending the ticket closes the room: the connected guest is told, and nothing reopens it.
    const roomClosed = new Promise((resolve) => socket.once('roomClosed', resolve));
    const disconnected = new Promise((resolve) => socket.once('disconnect', resolve));
    expect((await diego.request('POST', `/api/tickets/${one.ticketId}/cancel`, { reason: 'prueba' })).status).toBe(200);
    expect(await roomClosed).toEqual({ reason: 'closed' });
    await disconnected;
    expect(await v.stack.db('video_rooms').where({ id: roomOne }).first('status')).toEqual({ status: 'closed' });
    expect((await v.anonymous().request('POST', `/api/video/guest/${guestToken}/join`)).status).toBe(409);
    expect(await connected(sfuSocket(String(guest.body.token)))).toBe('unauthorized');
    expect((await guestApi.request('POST', `/api/video/rooms/${roomOne}/messages`, { body: 'sigo aquí' })).status).toBe(
      409,
    );
    // The other room is untouched.
    expect(await v.stack.db('video_rooms').where({ id: roomTwo }).first('status')).toEqual({ status: 'open' });
    expect((await ana.request('POST', `/api/tickets/${two.ticketId}/cancel`, {})).status).toBe(200);
  });
});

describe('D12: files', () => {
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);

  it('accepts allowed types by content, refuses the rest, and serves them only to the room and its supervisors', async () => {
    const t = await callVirtualTicket(v, diego);
    const grant = await diego.request('POST', `/api/video/tickets/${t.ticketId}/join`);
    const roomId = String(grant.body.roomId);
    const agent = v.anonymous(String(grant.body.token));
    const upload = (name: string, content: Buffer) =>
      agent.request('POST', `/api/video/rooms/${roomId}/files`, new Uint8Array(content), {
        'x-file-name': encodeURIComponent(name),
        'content-type': 'application/octet-stream',
      });

    const ok = await upload('cédula.png', png);
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({
      senderType: 'user',
      file: { name: 'cédula.png', mime: 'image/png', size: png.length },
    });
    expect((await upload('virus.exe', Buffer.from('MZ\x90\x00'))).status).toBe(400);
    expect((await upload('foto.png', Buffer.from('%PDF-1.7 not an image'))).status).toBe(400); // extension lies
    expect(
      (await upload('grande.pdf', Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(10 * 1024 * 1024)]))).status,
    ).toBe(413);

    const fileId = String((ok.body.file as { id: string }).id);
    const byAgent = await agent.request('GET', `/api/video/files/${fileId}`);
    expect(byAgent.status).toBe(200);
    expect(byAgent.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(byAgent.headers.get('x-content-type-options')).toBe('nosniff');
    const supervisor = await v.login('supervisor@andino.demo');
    expect((await supervisor.request('GET', `/api/video/files/${fileId}`)).status).toBe(200);
    const elena = await v.login('elena@andino.demo'); // an agent of another branch
    expect((await elena.request('GET', `/api/video/files/${fileId}`)).status).toBe(404);
    expect((await v.anonymous().request('GET', `/api/video/files/${fileId}`)).status).toBe(404);

    const timeline = await v.stack.db('ticket_events').where({ ticket_id: t.ticketId, type: 'file' }).select('details');
    expect(timeline).toHaveLength(1);
    expect((await diego.request('POST', `/api/tickets/${t.ticketId}/cancel`, {})).status).toBe(200);
  });
});
