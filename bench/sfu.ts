// SFU capacity: how much mediasoup worker CPU one forwarded stream costs, and how many 1:1 video
// rooms one core holds. `npx tsx bench/sfu.ts [rooms…]` (default 5 10 20 40). Not a test.
//
// Offline and browser-free: each room is the real shape of a virtual attention (agent and
// customer, each sending Opus 48 kbit/s and VP8 ~500 kbit/s, each receiving the other's two
// streams = 4 forwarded streams per room) built from mediasoup PlainTransports. A Node UDP
// generator plays the senders (valid RTP with VP8 key-frame descriptors so consumers forward),
// and UDP sinks count what arrives. Worker CPU comes from worker.getResourceUsage().
import dgram from 'node:dgram';
import { pino } from 'pino';
import type { types as ms } from 'mediasoup';
import { loadMediasoup } from '../sfu/mediasoup.js';
import { mediaCodecs } from '../sfu/config.js';
import { installWorker } from '../sfu/test-support.js';

const WARMUP_MS = 2000;
const MEASURE_MS = 8000;
const TICK_MS = 20;
// Per sender, per 20 ms tick: one 160-byte Opus frame; 1.25 VP8 packets of 1000 bytes (~500 kbit/s).
const VIDEO_BYTES = 1000;
const AUDIO_BYTES = 160;

type Stream = { kind: 'audio' | 'video'; ssrc: number; pt: number; port: number; seq: number; ts: number; sent: number };

function rtpPacket(s: Stream, size: number): Buffer {
  const p = Buffer.alloc(size);
  p[0] = 0x80;
  p[1] = 0x80 | s.pt; // marker: one packet per frame
  p.writeUInt16BE(s.seq & 0xffff, 2);
  p.writeUInt32BE(s.ts >>> 0, 4);
  p.writeUInt32BE(s.ssrc, 8);
  // VP8 payload descriptor (S=1, PID 0) + a key-frame header 640×480, so consumers never wait for a key frame.
  if (s.kind === 'video') Buffer.from([0x10, 0x10, 0x00, 0x00, 0x9d, 0x01, 0x2a, 0x80, 0x02, 0xe0, 0x01]).copy(p, 12);
  s.seq++;
  return p;
}

async function openRoom(worker: ms.Worker, sinkPort: number, nextSsrc: () => number): Promise<{ streams: Stream[]; close(): void }> {
  const router = await worker.createRouter({ mediaCodecs: [...mediaCodecs] });
  const streams: Stream[] = [];
  const producers: ms.Producer[] = [];
  for (let peer = 0; peer < 2; peer++) {
    for (const kind of ['audio', 'video'] as const) {
      const t = await router.createPlainTransport({ listenInfo: { protocol: 'udp', ip: '127.0.0.1' }, rtcpMux: true, comedia: true });
      const ssrc = nextSsrc();
      const pt = kind === 'audio' ? 100 : 101;
      const codec = kind === 'audio' ? { mimeType: 'audio/opus', payloadType: pt, clockRate: 48000, channels: 2 } : { mimeType: 'video/VP8', payloadType: pt, clockRate: 90000 };
      producers.push(await t.produce({ kind, rtpParameters: { codecs: [codec], encodings: [{ ssrc }] } }));
      streams.push({ kind, ssrc, pt, port: t.tuple.localPort, seq: 1, ts: 0, sent: 0 });
    }
  }
  // Each peer consumes the other's two producers.
  for (let peer = 0; peer < 2; peer++) {
    for (const producer of producers.slice((1 - peer) * 2, (1 - peer) * 2 + 2)) {
      const t = await router.createPlainTransport({ listenInfo: { protocol: 'udp', ip: '127.0.0.1' }, rtcpMux: true, comedia: false });
      await t.connect({ ip: '127.0.0.1', port: sinkPort });
      await t.consume({ producerId: producer.id, rtpCapabilities: router.rtpCapabilities, paused: false });
    }
  }
  return { streams, close: () => router.close() };
}

const cpuMs = async (w: ms.Worker): Promise<number> => {
  const u = await w.getResourceUsage();
  return u.ru_utime + u.ru_stime;
};

async function run(worker: ms.Worker, rooms: number): Promise<void> {
  const sink = dgram.createSocket('udp4');
  let received = 0;
  sink.on('message', (m) => { received += m.length; });
  await new Promise<void>((resolve) => sink.bind(0, '127.0.0.1', resolve));
  const sender = dgram.createSocket('udp4');
  let ssrc = 1000;
  const opened = [];
  for (let i = 0; i < rooms; i++) opened.push(await openRoom(worker, sink.address().port, () => ssrc++));
  const streams = opened.flatMap((r) => r.streams);

  let tick = 0;
  let sentBytes = 0;
  const send = (s: Stream, size: number) => {
    sender.send(rtpPacket(s, size), s.port, '127.0.0.1');
    sentBytes += size;
  };
  const timer = setInterval(() => {
    tick++;
    for (const s of streams) {
      if (s.kind === 'audio') { s.ts += 960; send(s, AUDIO_BYTES); continue; }
      s.ts += 1800;
      send(s, VIDEO_BYTES);
      if (tick % 4 === 0) send(s, VIDEO_BYTES); // 1.25 packets per tick on average
    }
  }, TICK_MS);

  await new Promise((r) => setTimeout(r, WARMUP_MS));
  const [c0, t0, r0, s0] = [await cpuMs(worker), performance.now(), received, sentBytes];
  await new Promise((r) => setTimeout(r, MEASURE_MS));
  const [c1, t1, r1, s1] = [await cpuMs(worker), performance.now(), received, sentBytes];
  clearInterval(timer);
  for (const r of opened) r.close();
  sender.close();
  sink.close();

  const forwarded = rooms * 4;
  const corePct = ((c1 - c0) / (t1 - t0)) * 100;
  const inMbps = ((s1 - s0) * 8) / ((t1 - t0) * 1000);
  const outMbps = ((r1 - r0) * 8) / ((t1 - t0) * 1000);
  console.log([
    `rooms ${String(rooms).padStart(3)}`, `streams ${String(forwarded).padStart(4)}`,
    `worker CPU ${corePct.toFixed(1).padStart(5)}% of a core`, `per stream ${(corePct / forwarded).toFixed(3)}%`,
    `in ${inMbps.toFixed(1)} Mbit/s`, `out ${outMbps.toFixed(1)} Mbit/s`,
    `rooms/core ≈ ${Math.floor(100 / (corePct / rooms))} (at 100%), ${Math.floor(70 / (corePct / rooms))} (at 70%)`,
  ].join('  ·  '));
}

async function main(): Promise<void> {
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  const mediasoup = await loadMediasoup(installWorker(), pino({ level: 'warn' }));
  const worker = await mediasoup.createWorker({ logLevel: 'warn' });
  console.log(`mediasoup ${mediasoup.version}, one worker (pid ${worker.pid}); per room: 2 peers × (Opus 48 kbit/s + VP8 ~500 kbit/s), 4 forwarded streams; ${MEASURE_MS / 1000} s windows`);
  for (const rooms of sizes.length ? sizes : [5, 10, 20, 40]) await run(worker, rooms);
  worker.close();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
