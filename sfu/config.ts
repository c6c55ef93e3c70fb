import { availableParallelism } from 'node:os';
import { z } from 'zod';
import type { types as ms } from 'mediasoup';

/** SFU settings, read once at start-up from the environment and validated. */
export type SfuConfig = Readonly<{
  /** Absolute path of the mediasoup-worker binary (printed by sfu/install-worker.sh). */
  workerBin: string;
  numWorkers: number;
  /** mediasoup worker log level (the SFU's own logs go through the injected pino logger). */
  workerLogLevel: ms.WorkerLogLevel;
  rtcMinPort: number;
  rtcMaxPort: number;
  listenIp: string;
  /** Public IP or hostname put in ICE candidates when the SFU sits behind NAT. */
  announcedAddress: string | undefined;
  mediaCodecs: readonly ms.RouterRtpCodecCapability[];
}>;

const port = z.coerce.number().int().min(1024).max(65535);

const envSchema = z
  .object({
    MEDIASOUP_WORKER_BIN: z
      .string({ error: 'required: set it to the path printed by sfu/install-worker.sh' })
      .min(1)
      .refine((p) => p.startsWith('/') && p !== '/dev/null', 'must be the absolute path of a mediasoup-worker'),
    SFU_WORKERS: z.coerce.number().int().min(1).max(64).default(availableParallelism()),
    SFU_LOG_LEVEL: z.enum(['debug', 'warn', 'error', 'none']).default('warn'),
    SFU_RTC_MIN_PORT: port.default(40000),
    SFU_RTC_MAX_PORT: port.default(40999),
    SFU_LISTEN_IP: z.union([z.ipv4(), z.ipv6()]).default('127.0.0.1'),
    SFU_ANNOUNCED_ADDRESS: z.string().min(1).optional(),
  })
  .refine((e) => e.SFU_RTC_MIN_PORT <= e.SFU_RTC_MAX_PORT, {
    message: 'SFU_RTC_MIN_PORT must not exceed SFU_RTC_MAX_PORT',
    path: ['SFU_RTC_MIN_PORT'],
  });

/**
 * H264 is constrained baseline, packetization-mode 1: the profile every browser (and Safari's
 * hardware encoder) can both send and receive, so no peer is left without a common codec.
 */
export const mediaCodecs: readonly ms.RouterRtpCodecCapability[] = [
  { kind: 'audio', mimeType: 'audio/opus', clockRate: 48000, channels: 2 },
  { kind: 'video', mimeType: 'video/VP8', clockRate: 90000, parameters: { 'x-google-start-bitrate': 1000 } },
  {
    kind: 'video',
    mimeType: 'video/H264',
    clockRate: 90000,
    parameters: {
      'packetization-mode': 1,
      'profile-level-id': '42e01f',
      'level-asymmetry-allowed': 1,
      'x-google-start-bitrate': 1000,
    },
  },
];

export class SfuConfigError extends Error {
  override readonly name = 'SfuConfigError';
}

/** Throws SfuConfigError naming each bad variable (names and reasons only, never values). */
export function loadSfuConfig(env: NodeJS.ProcessEnv = process.env): SfuConfig {
  // An empty variable (`SFU_WORKERS=`) means "unset", not zero.
  const parsed = envSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const reasons = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new SfuConfigError(`invalid SFU configuration: ${reasons.join('; ')}`);
  }
  const e = parsed.data;
  return Object.freeze({
    workerBin: e.MEDIASOUP_WORKER_BIN,
    numWorkers: e.SFU_WORKERS,
    workerLogLevel: e.SFU_LOG_LEVEL,
    rtcMinPort: e.SFU_RTC_MIN_PORT,
    rtcMaxPort: e.SFU_RTC_MAX_PORT,
    listenIp: e.SFU_LISTEN_IP,
    announcedAddress: e.SFU_ANNOUNCED_ADDRESS,
    mediaCodecs,
  });
}
