// One payload in, one payload out: AES-256-GCM over the whole serialized payload (its metadata
// included, so even the encoding of the value is hidden). The key id and the entity travel in
// clear metadata — the codec endpoint must read the entity before it decrypts — and both are
// bound to the ciphertext as additional data, so relabelling a payload to another entity makes
// it undecryptable instead of readable by the wrong staff.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Payload } from '@temporalio/common';
import protos from '@temporalio/proto'; // CommonJS: named imports do not resolve under ESM
import type { CodecKeys } from './keys.js';

const ProtoPayload = protos.temporal.api.common.v1.Payload;

export const ENCRYPTED = 'binary/encrypted';
export const KEY_ID_META = 'encryption-key-id';
/** The entity whose data the payload holds; absent when it was unknown at encryption. */
export const ENTITY_META = 'vt-entity';

const IV_BYTES = 12;
const TAG_BYTES = 16;
const text = new TextEncoder();
const utf8 = new TextDecoder();

const meta = (p: Payload, key: string): string | undefined => {
  const v = p.metadata?.[key];
  return v ? utf8.decode(v) : undefined;
};

export const isEncrypted = (p: Payload): boolean => meta(p, 'encoding') === ENCRYPTED;

/** The entity an encrypted payload belongs to, from its (authenticated) metadata. */
export function entityOfPayload(p: Payload): number | undefined {
  const v = meta(p, ENTITY_META);
  return v && /^\d+$/.test(v) ? Number(v) : undefined;
}

const additionalData = (keyId: string, entity: number | undefined) =>
  Buffer.from(`vt-codec-1|${keyId}|${entity ?? ''}`);

export function encryptPayload(p: Payload, keys: CodecKeys, entity: number | undefined): Payload {
  const key = keys.byId.get(keys.currentId)!;
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(additionalData(keys.currentId, entity));
  const plain = ProtoPayload.encode(p).finish();
  const body = Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
  return {
    metadata: {
      encoding: text.encode(ENCRYPTED),
      [KEY_ID_META]: text.encode(keys.currentId),
      ...(entity === undefined ? {} : { [ENTITY_META]: text.encode(String(entity)) }),
    },
    data: new Uint8Array(body),
  };
}

export class UnknownKeyError extends Error {}

/** Throws on an unknown key or a payload that does not authenticate (tampered, wrong key). */
export function decryptPayload(p: Payload, keys: CodecKeys): Payload {
  const keyId = meta(p, KEY_ID_META) ?? '';
  const key = keys.byId.get(keyId);
  if (!key)
    throw new UnknownKeyError(
      `Payload encrypted with key "${keyId}", which this process does not hold (TEMPORAL_CODEC_OLD_KEYS).`,
    );
  const body = Buffer.from(p.data ?? new Uint8Array());
  if (body.length < IV_BYTES + TAG_BYTES) throw new Error('Encrypted payload too short.');
  const decipher = createDecipheriv('aes-256-gcm', key, body.subarray(0, IV_BYTES));
  decipher.setAAD(additionalData(keyId, entityOfPayload(p)));
  decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
  const plain = Buffer.concat([decipher.update(body.subarray(IV_BYTES, body.length - TAG_BYTES)), decipher.final()]);
  const decoded = ProtoPayload.decode(plain);
  // protobufjs hands out Buffers; the SDK's own payloads are plain Uint8Arrays.
  const bytes = (b: Uint8Array | null | undefined) => new Uint8Array(b ?? []);
  return {
    metadata: Object.fromEntries(Object.entries(decoded.metadata ?? {}).map(([k, v]) => [k, bytes(v)])),
    data: bytes(decoded.data),
  };
}
