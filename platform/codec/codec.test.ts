// Issue 13: the payload codec on its own — what it writes, what it refuses to read, and the
// configuration it needs (the end-to-end proof over Temporal is api/temporal-codec/).
import { randomBytes } from 'node:crypto';
import type { Payload } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.js';
import { ENTITY_META, KEY_ID_META } from './cipher.js';
import { createCodec } from './codec.js';

const text = new TextEncoder();
const utf8 = new TextDecoder();
const json = (value: unknown): Payload => ({
  metadata: { encoding: text.encode('json/plain') },
  data: text.encode(JSON.stringify(value)),
});
const ctx = (workflowId: string) => ({ type: 'workflow' as const, namespace: 'default', workflowId });
const meta = (p: Payload, k: string) => utf8.decode(p.metadata![k]!);
const base = { SESSION_SECRET: 'dev-only-session-secret-change-me', TEMPORAL_CODEC_KEY_ID: 'k1' };

describe('issue 13: payload codec', () => {
  it('a start names its entity: every payload is encrypted and labelled with it, and decodes back', async () => {
    const codec = createCodec(base);
    const start = json({ input: { entityId: 7, newCustomer: { firstName: 'Xiomara', idNumber: '9081726354' } } });
    const [sealed] = await codec.encode([start], ctx('ticket-a'));
    expect(meta(sealed!, 'encoding')).toBe('binary/encrypted');
    expect(meta(sealed!, ENTITY_META)).toBe('7');
    expect(meta(sealed!, KEY_ID_META)).toBe('dev');
    expect(Buffer.from(sealed!.data!).toString('latin1')).not.toContain('Xiomara');
    // Later payloads of the same workflow carry the entity learned at its start.
    const [later] = await codec.encode([json({ firstName: 'Yolanda' })], ctx('ticket-a'));
    expect(meta(later!, ENTITY_META)).toBe('7');
    expect(await codec.decode([sealed!], ctx('ticket-a'))).toEqual([start]);
  });

  it("a worker learns a workflow's entity from the payloads it decodes", async () => {
    const [sealed] = await createCodec(base).encode([json({ input: { entityId: 3 } })], ctx('shift-1'));
    const worker = createCodec(base);
    await worker.decode([sealed!], ctx('shift-1'));
    const [result] = await worker.encode([json({ ok: true })], ctx('shift-1'));
    expect(meta(result!, ENTITY_META)).toBe('3');
  });

  it('payloads it did not encrypt (old histories) pass through as they are', async () => {
    const clear = json({ input: { entityId: 1 } });
    expect(await createCodec(base).decode([clear], ctx('ticket-old'))).toEqual([clear]);
  });

  it('a payload relabelled to another entity does not decrypt', async () => {
    const codec = createCodec(base);
    const [sealed] = await codec.encode([json({ input: { entityId: 7 } })], ctx('ticket-b'));
    const forged = { ...sealed!, metadata: { ...sealed!.metadata, [ENTITY_META]: text.encode('8') } };
    await expect(codec.decode([forged])).rejects.toThrow();
    expect(codec.decodeWhere([forged], () => true)).toEqual([forged]);
  });

  it('keys rotate: the new key writes, a retired key still reads', async () => {
    const oldKey = randomBytes(32).toString('base64');
    const before = createCodec({ ...base, TEMPORAL_CODEC_KEY: oldKey, TEMPORAL_CODEC_KEY_ID: 'k1' });
    const [sealed] = await before.encode([json({ input: { entityId: 2 } })], ctx('ticket-c'));
    const after = createCodec({
      ...base,
      TEMPORAL_CODEC_KEY: randomBytes(32).toString('base64'),
      TEMPORAL_CODEC_KEY_ID: 'k2',
      TEMPORAL_CODEC_OLD_KEYS: [['k1', oldKey]],
    });
    expect(await after.decode([sealed!])).toEqual([json({ input: { entityId: 2 } })]);
    const [resealed] = await after.encode([json({ x: 1 })], ctx('ticket-c'));
    expect(meta(resealed!, KEY_ID_META)).toBe('k2');
  });

  it('production refuses to start without TEMPORAL_CODEC_KEY, and a malformed key anywhere', () => {
    const prod = { NODE_ENV: 'production', SESSION_SECRET: 'a-real-secret-0123456789' };
    expect(() => loadConfig(prod)).toThrow(/TEMPORAL_CODEC_KEY/);
    expect(() => loadConfig({ ...prod, TEMPORAL_CODEC_KEY: randomBytes(32).toString('base64') })).not.toThrow();
    expect(() => loadConfig({ TEMPORAL_CODEC_KEY: randomBytes(16).toString('base64') })).toThrow(ConfigError);
    expect(loadConfig({ TEMPORAL_CODEC_KEY: '' }).TEMPORAL_CODEC_KEY).toBeUndefined();
  });
});
