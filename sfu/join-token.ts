// Join tokens: the API signs who may join which room, the SFU (a separate process sharing
// SESSION_SECRET) verifies. Stateless on purpose: the SFU checks only the signature, the expiry
// and that the room is still open in the database.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

export const JOIN_TOKEN_TTL_MS = 60 * 60_000; // a call's length; the room being open is the real gate

const claimsSchema = z.object({
  roomId: z.string().uuid(),
  peerId: z.string().min(1).max(128),
  role: z.enum(['agent', 'guest']),
  displayName: z.string().min(1).max(100),
  exp: z.number().int(),
});
export type JoinClaims = z.infer<typeof claimsSchema>;

const b64 = (buf: Buffer | string): string => Buffer.from(buf).toString('base64url');
const mac = (secret: string, data: string): Buffer => createHmac('sha256', secret).update(data).digest();

export function signJoinToken(secret: string, claims: Omit<JoinClaims, 'exp'>, now = Date.now()): string {
  const body = b64(JSON.stringify({ ...claims, exp: now + JOIN_TOKEN_TTL_MS }));
  return `${body}.${b64(mac(secret, `join:${body}`))}`;
}

/** The claims, or undefined when the token is malformed, forged or expired. */
export function verifyJoinToken(secret: string, token: string, now = Date.now()): JoinClaims | undefined {
  const [body, sig, extra] = token.split('.');
  if (!body || !sig || extra !== undefined) return undefined;
  const expected = mac(secret, `join:${body}`);
  const given = Buffer.from(sig, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return undefined; // signed by us yet unreadable: cannot happen unless the secret leaked
  }
  const claims = claimsSchema.safeParse(json);
  return claims.success && claims.data.exp > now ? claims.data : undefined;
}

/**
 * D10: the guest link token for a room — unguessable (an HMAC of the room id) and derivable
 * again, so the agent can be shown the same link after a reload or a transfer.
 */
export const guestTokenOf = (secret: string, roomId: string): string => b64(mac(secret, `video-guest:${roomId}`));
export const hashGuestToken = (token: string): string => createHash('sha256').update(token).digest('hex');
