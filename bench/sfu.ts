// SFU capacity: how much mediasoup worker CPU one forwarded stream costs, and how many 1:1 video
// rooms one core holds. `npx tsx bench/sfu.ts [rooms…]` (default 5 10 20 40). Not a test.
//
// Offline and browser-free: each room is the real shape of a virtual attention (agent and
// customer, each sending Opus 48 kbit/s and VP8 ~500 kbit/s, each receiving the other's two
// streams = 4 forwarded streams per room) built from mediasoup PlainTransports. A Node UDP
// generator plays the senders (valid RTP with VP8 key-frame descriptors so consumers forward),
// and UDP sinks count what arrives. Worker CPU comes from worker.getResourceUsage(). With SRTP
// (default) the worker decrypts and re-encrypts every packet, as it does for browsers; ICE and
// DTLS (once per transport) and congestion-control feedback are not exercised.
import dgram from 'node:dgram';
import { pino } from 'pino';
import type { types as ms } from 'mediasoup';
import { loadMediasoup } from '../sfu/mediasoup.js';
import { mediaCodecs } from '../sfu/config.js';
import { installWorker } from '../tests/support/sfu.js';
import { srtpSender, type SrtpKeys } from './srtp.js';

const WARMUP_MS = 2000;
const MEASURE_MS = 8000;
const TICK_MS = 20;
// Per sender, per 20 ms tick: one 160-byte Opus frame; 1.25 VP8 packets of 1000 bytes (~500 kbit/s).
const VIDEO_BYTES = 1000;
const AUDIO_BYTES = 160;

type Stream = {
  kind: 'audio' | 'video';
  ssrc: number;
  pt: number;
  port: number;
  seq: number;
  ts: number;
  srtp: SrtpKeys | undefined;
};

// SRTP on (default) costs the worker what WebRTC costs it; `--plain` measures bare RTP forwarding.
const SRTP = !process.argv.includes('--plain');
const SUITE = 'AES_CM_128_HMAC_SHA1_80' as const;

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
  return s.srtp ? s.srtp.encrypt(p) : p;
}

async function openRoom(
  worker: ms.Worker,
  senderPort: number,
  sinkPort: number,
  nextSsrc: () => number,
): Promise<{ streams: Stream[]; close(): void }> {
  const router = await worker.createRouter({ mediaCodecs: [...mediaCodecs] });
  const streams: Stream[] = [];
  const producers: ms.Producer[] = [];
  for (let peer = 0; peer < 2; peer++) {
    for (const kind of ['audio', 'video'] as const) {
      // Not comedia: connect() before any packet arrived has no tuple to report, and the
      // offline-built worker aborts on that (a flatbuffers assertion), so the sender is named.
      const t = await router.createPlainTransport({
        listenInfo: { protocol: 'udp', ip: '127.0.0.1' },
        rtcpMux: true,
        comedia: false,
        enableSrtp: SRTP,
        srtpCryptoSuite: SUITE,
      });
      const srtp = SRTP ? srtpSender() : undefined;
      await t.connect({
        ip: '127.0.0.1',
        port: senderPort,
        ...(srtp ? { srtpParameters: { cryptoSuite: SUITE, keyBase64: srtp.keyBase64 } } : {}),
      });
      const ssrc = nextSsrc();
      const pt = kind === 'audio' ? 100 : 101;
      const codec =
        kind === 'audio'
          ? { mimeType: 'audio/opus', payloadType: pt, clockRate: 48000, channels: 2 }
          : { mimeType: 'video/VP8', payloadType: pt, clockRate: 90000 };
      producers.push(await t.produce({ kind, rtpParameters: { codecs: [codec], encodings: [{ ssrc }] } }));
      streams.push({ kind, ssrc, pt, port: t.tuple.localPort, seq: 1, ts: 0, srtp });
    }
  }
  // Each peer consumes the other's two producers.
  for (let peer = 0; peer < 2; peer++) {
    for (const producer of producers.slice((1 - peer) * 2, (1 - peer) * 2 + 2)) {
      const t = await router.createPlainTransport({
        listenInfo: { protocol: 'udp', ip: '127.0.0.1' },
        rtcpMux: true,
        comedia: false,
        enableSrtp: SRTP,
        srtpCryptoSuite: SUITE,
      });
      // The sink only counts bytes, so any key will do for what the SFU encrypts towards it.
      await t.connect({
        ip: '127.0.0.1',
        port: sinkPort,
        ...(SRTP ? { srtpParameters: { cryptoSuite: SUITE, keyBase64: srtpSender().keyBase64 } } : {}),
      });
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
  sink.on('message', (m) => {
    received += m.length;
  });
  await new Promise<void>((resolve) => sink.bind(0, '127.0.0.1', resolve));
  const sender = dgram.createSocket('udp4');
  sender.on('message', () => undefined); // the SFU's RTCP towards the senders: not needed here
  await new Promise<void>((resolve) => sender.bind(0, '127.0.0.1', resolve));
  let ssrc = 1000;
  const opened = [];
  for (let i = 0; i < rooms; i++)
    opened.push(await openRoom(worker, sender.address().port, sink.address().port, () => ssrc++));
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
      if (s.kind === 'audio') {
        s.ts += 960;
        send(s, AUDIO_BYTES);
        continue;
      }
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
  console.log(
    [
      `rooms ${String(rooms).padStart(3)}`,
      `streams ${String(forwarded).padStart(4)}`,
      `worker CPU ${corePct.toFixed(1).padStart(5)}% of a core`,
      `per stream ${(corePct / forwarded).toFixed(3)}%`,
      `in ${inMbps.toFixed(1)} Mbit/s`,
      `out ${outMbps.toFixed(1)} Mbit/s`,
      `rooms/core ≈ ${Math.floor(100 / (corePct / rooms))} (at 100%), ${Math.floor(70 / (corePct / rooms))} (at 70%)`,
    ].join('  ·  '),
  );
}

async function main(): Promise<void> {
  const sizes = process.argv
    .slice(2)
    .filter((a) => /^\d+$/.test(a))
    .map(Number);
  const mediasoup = await loadMediasoup(installWorker(), pino({ level: 'warn' }));
  const worker = await mediasoup.createWorker({ logLevel: 'warn' });
  console.log(
    `mediasoup ${mediasoup.version}, one worker (pid ${worker.pid}), ${SRTP ? 'SRTP AES_CM_128_HMAC_SHA1_80 both ways' : 'plain RTP'}; per room: 2 peers × (Opus 48 kbit/s + VP8 ~500 kbit/s), 4 forwarded streams; ${MEASURE_MS / 1000} s windows`,
  );
  for (const rooms of sizes.length ? sizes : [5, 10, 20, 40]) await run(worker, rooms);
  worker.close();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
