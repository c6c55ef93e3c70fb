import { once } from 'node:events';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { io as connect, type Socket as ClientSocket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSfu, loadSfuConfig, SfuError, sfuHandlers, type ResultOf, type Sfu, type SfuIdentity } from './index.js';
import type { consume } from './signalling/consume.js';
import type { createTransport } from './signalling/create-transport.js';
import type { join } from './signalling/join.js';
import type { produce } from './signalling/produce.js';
import type { SfuNotifications } from './signalling/protocol.js';
import { INSTALL_TIMEOUT_MS, installWorker, ok, opusRtpParameters, request, testLog } from '../tests/support/sfu.js';

const ROOM = 'ticket-42';

// The token names the peer; the room is fixed server-side, whatever the client says.
async function authorize(socket: { handshake: { auth: Record<string, unknown> } }): Promise<SfuIdentity> {
  const token = socket.handshake.auth['token'];
  if (typeof token !== 'string' || !token.startsWith('good:')) throw new Error('bad token');
  const peerId = token.slice('good:'.length);
  return { roomId: ROOM, peerId, displayName: `Peer ${peerId}`, role: peerId === 'agent' ? 'agent' : 'guest' };
}

// Rights read again at every event: a peer id put here has lost its room since it connected.
const revoked = new Set<string>();
async function recheck(identity: SfuIdentity): Promise<void> {
  if (revoked.has(identity.peerId)) throw new SfuError('not_participant', `${identity.peerId} no longer belongs`);
}

describe('SFU signalling over socket.io (real worker, real sockets)', () => {
  let sfu: Sfu;
  let http: HttpServer;
  let io: Server;
  let url: string;
  const clients: ClientSocket[] = [];

  beforeAll(async () => {
    const bin = installWorker();
    const log = testLog();
    sfu = await createSfu({ config: loadSfuConfig({ MEDIASOUP_WORKER_BIN: bin, SFU_WORKERS: '1' }), log });
    http = createServer();
    io = new Server(http);
    sfu.attach(io.of('/sfu'), { authorize, recheck });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/sfu`;
  }, INSTALL_TIMEOUT_MS);

  afterEach(() => {
    for (const c of clients.splice(0)) c.disconnect();
  });

  afterAll(async () => {
    sfu?.close();
    await io?.close(); // also closes the http server
  });

  function client(token: string): ClientSocket {
    const socket = connect(url, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
    clients.push(socket);
    return socket;
  }

  const next = <E extends keyof SfuNotifications>(socket: ClientSocket, event: E) =>
    new Promise<SfuNotifications[E]>((resolve) => socket.once(event as string, resolve));

  it('joins the room granted by authorize and gets ICE/DTLS parameters for a transport', async () => {
    const socket = client('good:agent');
    const joined = ok(await request<ResultOf<typeof join>>(socket, 'join'));
    expect(joined).toMatchObject({ roomId: ROOM, peerId: 'agent', peers: [], producers: [] });
    const mimeTypes = (joined.routerRtpCapabilities.codecs ?? []).map((c) => c.mimeType);
    expect(mimeTypes).toEqual(expect.arrayContaining(['audio/opus', 'video/VP8', 'video/H264']));

    const t = ok(await request<ResultOf<typeof createTransport>>(socket, 'createTransport', { direction: 'send' }));
    expect(t.iceParameters.usernameFragment).toBeTruthy();
    expect(t.iceParameters.password).toBeTruthy();
    expect(t.iceCandidates.map((c) => c.address)).toContain('127.0.0.1');
    expect(t.iceCandidates.map((c) => c.protocol)).toEqual(expect.arrayContaining(['udp', 'tcp']));
    expect(t.dtlsParameters.fingerprints.length).toBeGreaterThan(0);
    expect(sfu.registry.get(ROOM)?.stats()).toMatchObject({ peers: 1, transports: 1 });
  });

  it('never lets the client pick the room, and validates every payload', async () => {
    const socket = client('good:guest');
    const before = await request(socket, 'createTransport', { direction: 'send' });
    expect(before).toMatchObject({ ok: false, error: { code: 'not_joined' } });
    expect(await request(socket, 'join', { roomId: 'someone-elses' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_payload' },
    });
    ok(await request(socket, 'join'));
    expect(await request(socket, 'join')).toMatchObject({ ok: false, error: { code: 'already_joined' } });
    expect(await request(socket, 'createTransport', { direction: 'sideways' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_payload' },
    });
    expect(await request(socket, 'resumeConsumer', { consumerId: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('relays peers and producers: peerJoined, newProducer, consume paused, producerClosed, peerLeft', async () => {
    const agent = client('good:agent');
    const joinedAgent = ok(await request<ResultOf<typeof join>>(agent, 'join'));
    const guest = client('good:guest');
    const peerJoined = next(agent, 'peerJoined');
    ok(await request(guest, 'join'));
    expect(await peerJoined).toEqual({ peerId: 'guest', displayName: 'Peer guest', role: 'guest' });

    const send = ok(await request<ResultOf<typeof createTransport>>(agent, 'createTransport', { direction: 'send' }));
    const newProducer = next(guest, 'newProducer');
    const { producerId } = ok(
      await request<ResultOf<typeof produce>>(agent, 'produce', {
        transportId: send.transportId,
        kind: 'audio',
        rtpParameters: opusRtpParameters(3333),
      }),
    );
    expect(await newProducer).toEqual({ producerId, peerId: 'agent', kind: 'audio', paused: false });

    const recv = ok(await request<ResultOf<typeof createTransport>>(guest, 'createTransport', { direction: 'recv' }));
    const consumed = ok(
      await request<ResultOf<typeof consume>>(guest, 'consume', {
        transportId: recv.transportId,
        producerId,
        rtpCapabilities: joinedAgent.routerRtpCapabilities,
      }),
    );
    expect(consumed).toMatchObject({ producerId, peerId: 'agent', kind: 'audio' });
    const serverConsumer = sfu.registry.get(ROOM)?.peers.get('guest')?.consumers.get(consumed.consumerId);
    expect(serverConsumer?.paused).toBe(true);
    ok(await request(guest, 'resumeConsumer', { consumerId: consumed.consumerId }));
    expect(serverConsumer?.paused).toBe(false);

    const producerClosed = next(guest, 'producerClosed');
    const consumerClosed = next(guest, 'consumerClosed');
    const peerLeft = next(guest, 'peerLeft');
    agent.disconnect();
    expect(await producerClosed).toEqual({ producerId, peerId: 'agent' });
    expect(await consumerClosed).toEqual({ consumerId: consumed.consumerId, producerId });
    expect(await peerLeft).toEqual({ peerId: 'agent' });
  });

  it('issue 16: a paused producer (muted microphone, camera off) is announced to the others, and so is its resume; a new joiner sees it paused', async () => {
    const agent = client('good:agent-16');
    const guest = client('good:guest-16');
    ok(await request(agent, 'join'));
    ok(await request(guest, 'join'));
    const send = ok(await request<ResultOf<typeof createTransport>>(agent, 'createTransport', { direction: 'send' }));
    const { producerId } = ok(
      await request<ResultOf<typeof produce>>(agent, 'produce', {
        transportId: send.transportId,
        kind: 'audio',
        rtpParameters: opusRtpParameters(1616),
      }),
    );
    const paused = next(guest, 'producerPaused');
    ok(await request(agent, 'pauseProducer', { producerId }));
    expect(await paused).toEqual({ producerId, peerId: 'agent-16', kind: 'audio', paused: true });
    // Someone joining later learns it from the room's producers.
    const late = client('good:late-16');
    const joined = ok(await request<ResultOf<typeof join>>(late, 'join'));
    expect(joined.producers).toContainEqual({ producerId, peerId: 'agent-16', kind: 'audio', paused: true });
    const resumed = next(guest, 'producerResumed');
    ok(await request(agent, 'resumeProducer', { producerId }));
    expect(await resumed).toEqual({ producerId, peerId: 'agent-16', kind: 'audio', paused: false });
    // Rights are read at this event too: a peer that lost its room cannot announce anything.
    revoked.add('agent-16');
    expect(await request(agent, 'pauseProducer', { producerId })).toMatchObject({
      ok: false,
      error: { code: 'not_participant' },
    });
    revoked.delete('agent-16');
  });

  it('tells joined clients when their room is closed, and lets them join again', async () => {
    const socket = client('good:agent');
    ok(await request(socket, 'join'));
    const roomClosed = next(socket, 'roomClosed');
    sfu.registry.close(ROOM);
    expect(await roomClosed).toEqual({ reason: 'closed' });
    ok(await request(socket, 'join'));
  });

  it('when the media worker dies, tells the room and lets the client rejoin on its replacement', async () => {
    const socket = client('good:agent');
    ok(await request(socket, 'join'));
    const roomClosed = next(socket, 'roomClosed');
    const replaced = once(sfu.pool, 'workerReplaced');
    const [worker] = sfu.pool.workers;
    process.kill(worker?.pid ?? 0, 'SIGKILL');
    expect(await roomClosed).toEqual({ reason: 'workerDied' });
    await replaced;
    ok(await request(socket, 'join'));
    ok(await request(socket, 'createTransport', { direction: 'recv' }));
  });

  it('disconnects a client whose authorize rejects, with an error', async () => {
    const socket = client('forged');
    const error = await new Promise<Error>((resolve) => socket.once('connect_error', resolve));
    expect(error.message).toBe('unauthorized');
    expect(socket.connected).toBe(false);
  });

  it('issue 13: every event re-checks rights — a peer that lost its room is refused at its next event and cut off', async () => {
    const agent = client('good:agent-13');
    const guest = client('good:guest-13');
    ok(await request(agent, 'join'));
    ok(await request(guest, 'join'));
    const peerLeft = next(guest, 'peerLeft');
    const disconnected = new Promise((resolve) => agent.once('disconnect', resolve));
    revoked.add('agent-13'); // nothing tells the socket: only its next event finds out
    expect(await request(agent, 'createTransport', { direction: 'send' })).toMatchObject({
      ok: false,
      error: { code: 'not_participant' },
    });
    await disconnected;
    expect(await peerLeft).toEqual({ peerId: 'agent-13' });
    expect(sfu.registry.get(ROOM)?.peers.has('agent-13')).toBe(false);
    ok(await request(guest, 'createTransport', { direction: 'recv' })); // the others are untouched
    revoked.delete('agent-13');
  });

  // Issue 12: every SFU event, poisoned (NUL, lone surrogate, control characters, a 1 MB string,
  // wrong types), is refused with a code and leaves the session usable; nothing hangs.
  it('refuses poisoned payloads of every event with a code, and the session stays usable', async () => {
    const socket = client('good:agent');
    ok(await request(socket, 'join'));
    const poisons: unknown[] = ['a\u0000b', 'a\ud800b', 'a\u0007b', 'x'.repeat(200_000), 12, null, ['x'], { $gt: '' }];
    const fields = [
      'transportId',
      'producerId',
      'consumerId',
      'direction',
      'kind',
      'roomId',
      'rtpParameters',
      'dtlsParameters',
      'appData',
    ];
    const refused: string[] = [];
    for (const handler of sfuHandlers.filter((h) => h.event !== 'leave' && h.event !== 'join')) {
      for (const field of fields) {
        for (const poison of poisons) {
          const ack = await request(socket, handler.event, { [field]: poison });
          if (ack.ok) refused.push(`${handler.event} ${field} accepted`);
          else if (!ack.error.code) refused.push(`${handler.event} ${field} refused without a code`);
        }
      }
    }
    expect(refused).toEqual([]);
    // Still usable: a valid request after all that.
    ok(await request<ResultOf<typeof createTransport>>(socket, 'createTransport', { direction: 'send' }));
    const bad = await request(socket, 'createTransport', { direction: 'send\u0000' });
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'invalid_payload', fields: { direction: { code: 'invalid_value' } } },
    });
  });
});
