// The keys of the Temporal payload codec (issue 13). One current key encrypts; earlier keys are
// kept to read what they encrypted, so a key can rotate without losing running workflows.
import { hkdfSync } from 'node:crypto';
import { z } from 'zod';
import type { Config } from '../config.js';

export interface CodecKeys {
  /** Written into every payload it encrypts (`encryption-key-id`). */
  currentId: string;
  /** Every key that may have encrypted a stored payload, the current one included. */
  byId: ReadonlyMap<string, Buffer>;
}

export const KEY_ID = /^[A-Za-z0-9._-]{1,40}$/;

/** base64 of exactly 32 bytes (AES-256): `openssl rand -base64 32`. */
export const Base64Key = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'must be base64')
  .refine((s) => Buffer.from(s, 'base64').length === 32, 'must be base64 of 32 random bytes (openssl rand -base64 32)');

/** `id:base64,id:base64` — retired keys, still read. */
export const OldKeys = z
  .string()
  .trim()
  .transform((s, ctx) => {
    const keys: [string, string][] = [];
    for (const part of s
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean)) {
      const [id, key] = part.split(/:(.*)/s) as [string, string | undefined];
      if (!KEY_ID.test(id) || !key || !Base64Key.safeParse(key).success) {
        ctx.addIssue({ code: 'custom', message: 'each entry must be id:base64-of-32-bytes' });
        return z.NEVER;
      }
      keys.push([id, key]);
    }
    return keys;
  });

/** Key id of the development key, derived from SESSION_SECRET (never accepted in production). */
export const DEV_KEY_ID = 'dev';

type KeyConfig = Pick<
  Config,
  'SESSION_SECRET' | 'TEMPORAL_CODEC_KEY' | 'TEMPORAL_CODEC_KEY_ID' | 'TEMPORAL_CODEC_OLD_KEYS'
>;

export function codecKeysOf(config: KeyConfig): CodecKeys {
  const byId = new Map<string, Buffer>();
  for (const [id, key] of config.TEMPORAL_CODEC_OLD_KEYS ?? []) byId.set(id, Buffer.from(key, 'base64'));
  if (config.TEMPORAL_CODEC_KEY) {
    byId.set(config.TEMPORAL_CODEC_KEY_ID, Buffer.from(config.TEMPORAL_CODEC_KEY, 'base64'));
    return { currentId: config.TEMPORAL_CODEC_KEY_ID, byId };
  }
  // Development and tests share a key derived from the session secret, so every process of one
  // checkout (API, worker, tests, scripts) reads what the others wrote. loadConfig refuses this
  // in production.
  byId.set(
    DEV_KEY_ID,
    Buffer.from(hkdfSync('sha256', config.SESSION_SECRET, 'ventanilla', 'temporal-payload-codec', 32)),
  );
  return { currentId: DEV_KEY_ID, byId };
}
