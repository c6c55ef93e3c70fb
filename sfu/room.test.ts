import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Peer } from './peer.js';
import { RoomRegistry } from './room-registry.js';
import { INSTALL_TIMEOUT_MS, opusRtpParameters, startTestSfu, testLog } from '../tests/support/sfu.js';

const agent = (peerId: string) => ({ peerId, displayName: peerId, role: 'agent' as const });

describe('rooms and peers (real mediasoup-worker)', () => {
  const log = testLog();
  let registry: RoomRegistry;

  let sfu: Awaited<ReturnType<typeof startTestSfu>> | undefined;

  beforeAll(async () => {
    sfu = await startTestSfu(log);
    ({ registry } = sfu);
  }, INSTALL_TIMEOUT_MS);

  afterAll(() => sfu?.close());

  it('get-or-create under concurrency yields one room and one router', async () => {
    const rooms = await Promise.all(Array.from({ length: 8 }, () => registry.getOrCreate('busy')));
    expect(new Set(rooms).size).toBe(1);
    expect(new Set(rooms.map((r) => r.router.id)).size).toBe(1);
    expect(registry.list().filter((s) => s.roomId === 'busy')).toHaveLength(1);
  });

  it('the router offers Opus, VP8 and H264 (packetization-mode 1, 42e01f)', async () => {
    const { router } = await registry.getOrCreate('codecs');
    const codecs = router.rtpCapabilities.codecs ?? [];
    expect(codecs.map((c) => c.mimeType)).toEqual(expect.arrayContaining(['audio/opus', 'video/VP8', 'video/H264']));
    const h264 = codecs.find((c) => c.mimeType === 'video/H264');
    expect(h264?.parameters).toMatchObject({ 'packetization-mode': 1, 'profile-level-id': '42e01f' });
  });

  it('closing a room closes its peers and their transports, and emits close', async () => {
    const room = await registry.getOrCreate('closing');
    const peers = [room.join(agent('a')), room.join(agent('b'))];
    const transports = await Promise.all(
      peers.flatMap((p) => [p.createWebRtcTransport('send'), p.createWebRtcTransport('recv')]),
    );
    expect(room.stats()).toMatchObject({ peers: 2, transports: 4 });
    const closed = once(room, 'close');

    expect(registry.close('closing')).toBe(true);

    expect(await closed).toEqual(['closed']);
    expect(transports.every((t) => t.closed)).toBe(true);
    expect(peers.every((p) => p.closed)).toBe(true);
    expect(room.router.closed).toBe(true);
    expect(registry.get('closing')).toBeUndefined();
  });

  it('closing a peer closes its producers and the consumers of them elsewhere', async () => {
    const room = await registry.getOrCreate('cascade');
    const [alice, bob] = [room.join(agent('alice')), room.join(agent('bob'))] as [Peer, Peer];
    const send = await alice.createWebRtcTransport('send');
    const recv = await bob.createWebRtcTransport('recv');
    const producer = await alice.produce(send.id, 'audio', opusRtpParameters(1111));
    const consumer = await bob.consume(recv.id, producer, room.router.rtpCapabilities);
    expect(consumer.paused).toBe(true);
    const consumerClosed = once(bob, 'consumerClosed');

    alice.close('left');

    expect(producer.closed).toBe(true);
    await consumerClosed;
    expect(consumer.closed).toBe(true);
    expect(bob.consumers.size).toBe(0);
    expect([...room.peers.keys()]).toEqual(['bob']);
  });

  it('refuses to produce on a recv transport', async () => {
    const room = await registry.getOrCreate('direction');
    const peer = room.join(agent('carol'));
    const recv = await peer.createWebRtcTransport('recv');
    await expect(peer.produce(recv.id, 'audio', opusRtpParameters(2222))).rejects.toMatchObject({
      code: 'wrong_direction',
    });
  });

  it('closes a room once its last peer has left', async () => {
    const room = await registry.getOrCreate('ephemeral');
    const peer = room.join(agent('dave'));
    const closed = once(room, 'close');
    peer.close('left');
    expect(await closed).toEqual(['empty']);
    expect(registry.get('ephemeral')).toBeUndefined();
  });
});
