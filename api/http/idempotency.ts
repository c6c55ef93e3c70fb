import { createHash } from 'node:crypto';
import type { Request } from 'express';
import { DomainError } from '../../domain/errors.js';

/** What an Idempotency-Key may look like: 8–120 letters, digits or _.:- */
export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{8,120}$/;
export const badIdempotencyKey = (): DomainError =>
  new DomainError(
    'Validation',
    {},
    {
      message: 'Idempotency-Key must be 8–120 letters, digits or _.:-',
      fields: { 'Idempotency-Key': { code: 'invalid_format' } },
    },
  );

/** The request's Idempotency-Key, scoped to the user so keys of two users never collide. */
export function idempotencyKey(req: Request, userScope: string): string | undefined {
  const key = req.header('Idempotency-Key');
  if (key === undefined) return undefined;
  if (!IDEMPOTENCY_KEY.test(key)) throw badIdempotencyKey();
  return `${userScope}:${key}`;
}

/** A stable UUID derived from a key, so a repeated create names the same ticket (and workflow). */
export function uuidFromKey(key: string): string {
  const h = createHash('sha256').update(key).digest('hex');
  // Layout of an RFC 9562 version-8 (custom) UUID.
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
