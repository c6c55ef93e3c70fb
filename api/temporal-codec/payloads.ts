// Temporal's codec server protocol speaks Payloads as proto-JSON: bytes as base64 strings.
import type { Payload } from '@temporalio/common';
import { z } from 'zod';

const Base64 = z
  .string()
  .max(4 * 1024 * 1024)
  .regex(/^[A-Za-z0-9+/_-]*={0,2}$/, 'must be base64');

export const JsonPayload = z.looseObject({
  metadata: z.record(z.string().max(200), Base64).optional(),
  data: Base64.optional(),
});
export type JsonPayload = z.infer<typeof JsonPayload>;

export const CodecBody = z.object({ payloads: z.array(JsonPayload).max(10_000) });

const bytes = (s: string) => new Uint8Array(Buffer.from(s, 'base64'));
const base64 = (b: Uint8Array) => Buffer.from(b).toString('base64');

export function fromJson(p: JsonPayload): Payload {
  return {
    metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, bytes(v)])),
    data: bytes(p.data ?? ''),
  };
}

export function toJson(p: Payload): JsonPayload {
  return {
    metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, base64(v ?? new Uint8Array())])),
    data: base64(p.data ?? new Uint8Array()),
  };
}

/** Each payload the codec left as it was goes back exactly as it came (unknown fields too). */
export function answer(given: JsonPayload[], before: Payload[], after: Payload[]): { payloads: JsonPayload[] } {
  return { payloads: after.map((p, i) => (p === before[i] ? given[i]! : toJson(p))) };
}
