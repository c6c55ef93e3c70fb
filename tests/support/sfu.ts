// Shared by the sfu/*.test.ts files (and the video tests, the bench): the real worker binary, a quiet logger, a typed ack call.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { pino, type Logger } from 'pino';
import type { Socket as ClientSocket } from 'socket.io-client';
import type { Ack } from '../../sfu/signalling/protocol.js';
import { loadSfuConfig, mediaCodecs } from '../../sfu/config.js';
import { loadMediasoup } from '../../sfu/mediasoup.js';
import { RoomRegistry } from '../../sfu/room-registry.js';
import { transportSettings } from '../../sfu/transport-options.js';
import { WorkerPool } from '../../sfu/worker-pool.js';

/** Up to a first-run build of the worker (~5 min on 2 cores); a cached one answers in ~0.1 s. */
export const INSTALL_TIMEOUT_MS = 10 * 60_000;

/**
 * Obtains the worker through the same installer the start command uses and exports it, so
 * mediasoup (loaded later through sfu/mediasoup.ts) spawns that binary.
 */
export function installWorker(): string {
  const script = fileURLToPath(new URL('../../sfu/install-worker.sh', import.meta.url));
  const stdout = execFileSync(script, {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    timeout: INSTALL_TIMEOUT_MS,
  });
  const bin = stdout.trim().split('\n').at(-1);
  if (!bin?.startsWith('/')) throw new Error(`install-worker.sh printed no path: ${JSON.stringify(stdout)}`);
  process.env['MEDIASOUP_WORKER_BIN'] = bin;
  return bin;
}

export const testLog = (): Logger => pino({ level: process.env['TEST_LOG_LEVEL'] ?? 'silent' });

export async function request<R extends object>(
  socket: ClientSocket,
  event: string,
  payload?: object,
): Promise<Ack<R>> {
  const timed = socket.timeout(5000);
  return (payload === undefined ? timed.emitWithAck(event) : timed.emitWithAck(event, payload)) as Promise<Ack<R>>;
}

/** Unwraps a successful ack, failing the test with the error code otherwise. */
export function ok<R extends object>(ack: Ack<R>): R {
  if (!ack.ok) throw new Error(`expected ok, got ${ack.error.code}: ${ack.error.message}`);
  return ack;
}

/** A minimal, valid Opus send: enough for mediasoup to create a Producer (no RTP needs to flow). */
export const opusRtpParameters = (ssrc: number) => ({
  mid: '0',
  codecs: [
    { mimeType: 'audio/opus', payloadType: 111, clockRate: 48000, channels: 2, parameters: { useinbandfec: 1 } },
  ],
  headerExtensions: [],
  encodings: [{ ssrc }],
  rtcp: { cname: `cname-${ssrc}` },
});

/** A real worker pool (2 workers) and a room registry on it, for tests; close() frees both. */
export async function startTestSfu(log: Logger): Promise<{ pool: WorkerPool; registry: RoomRegistry; close(): void }> {
  const bin = installWorker();
  const mediasoup = await loadMediasoup(bin, log);
  const pool = await WorkerPool.start({
    size: 2,
    createWorker: () => mediasoup.createWorker({ logLevel: 'error' }),
    log,
  });
  const config = loadSfuConfig({ MEDIASOUP_WORKER_BIN: bin });
  const registry = new RoomRegistry({
    pool,
    roomOptions: { mediaCodecs, settings: transportSettings(config), log },
    log,
  });
  return {
    pool,
    registry,
    close: () => {
      registry.closeAll();
      pool.close();
    },
  };
}
