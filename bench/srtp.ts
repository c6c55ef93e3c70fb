// Minimal SRTP sender (RFC 3711, AES_CM_128_HMAC_SHA1_80) for the SFU bench: the generator
// encrypts like a browser does, so the worker pays the same decrypt/encrypt cost per packet as
// with WebRTC. Sending only; no replay list, no MKI, roll-over counter tracked per stream.
import { createCipheriv, createHmac, randomBytes } from 'node:crypto';

export type SrtpKeys = { keyBase64: string; encrypt(packet: Buffer): Buffer };

/** AES in counter mode (SRTP's AES-CM): `data` XOR the keystream from `iv`. */
function aesCm(key: Buffer, iv: Buffer, data: Buffer): Buffer {
  const cipher = createCipheriv('aes-128-ctr', key, iv);
  return Buffer.concat([cipher.update(data), cipher.final()]);
}

/** Session key for `label` (0 cipher, 1 auth, 2 salt) with key derivation rate 0. */
function derive(masterKey: Buffer, masterSalt: Buffer, label: number, length: number): Buffer {
  const x = Buffer.from(masterSalt);
  x[7] = (x[7] ?? 0) ^ label; // key_id = label || r (r = 0), right-aligned over the 14-byte salt
  return aesCm(masterKey, Buffer.concat([x, Buffer.alloc(2)]), Buffer.alloc(length));
}

export function srtpSender(): SrtpKeys {
  const masterKey = randomBytes(16);
  const masterSalt = randomBytes(14);
  const cipherKey = derive(masterKey, masterSalt, 0, 16);
  const authKey = derive(masterKey, masterSalt, 1, 20);
  const salt = derive(masterKey, masterSalt, 2, 14);
  const roc = new Map<number, { roc: number; last: number }>();
  return {
    keyBase64: Buffer.concat([masterKey, masterSalt]).toString('base64'),
    encrypt(packet) {
      const ssrc = packet.readUInt32BE(8);
      const seq = packet.readUInt16BE(2);
      const state = roc.get(ssrc) ?? { roc: 0, last: seq };
      if (seq < state.last && state.last - seq > 0x8000) state.roc++;
      state.last = seq;
      roc.set(ssrc, state);
      // IV = (salt · 2^16) ⊕ (SSRC · 2^64) ⊕ (index · 2^16), index = ROC · 2^16 + SEQ.
      const iv = Buffer.concat([salt, Buffer.alloc(2)]);
      for (let i = 0; i < 4; i++) iv[4 + i] = (iv[4 + i] ?? 0) ^ ((ssrc >>> (24 - 8 * i)) & 0xff);
      const index = [
        (state.roc >>> 24) & 0xff,
        (state.roc >>> 16) & 0xff,
        (state.roc >>> 8) & 0xff,
        state.roc & 0xff,
        seq >>> 8,
        seq & 0xff,
      ];
      for (let i = 0; i < 6; i++) iv[8 + i] = (iv[8 + i] ?? 0) ^ (index[i] ?? 0);
      const header = packet.subarray(0, 12);
      const payload = packet.subarray(12);
      const encrypted = aesCm(cipherKey, iv, payload);
      const rocBytes = Buffer.alloc(4);
      rocBytes.writeUInt32BE(state.roc >>> 0);
      const tag = createHmac('sha1', authKey)
        .update(header)
        .update(encrypted)
        .update(rocBytes)
        .digest()
        .subarray(0, 10);
      return Buffer.concat([header, encrypted, tag]);
    },
  };
}
