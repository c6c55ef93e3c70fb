// G4/D10: join tokens are signed, expire, and name exactly one room.
import { describe, expect, it } from 'vitest';
import { guestTokenOf, hashGuestToken, JOIN_TOKEN_TTL_MS, signJoinToken, verifyJoinToken } from './join-token.js';

const SECRET = 'a-test-secret-of-some-length';
const ROOM = '6f1c2a9e-8a3b-4c1d-9e2f-0a1b2c3d4e5f';
const claims = { roomId: ROOM, peerId: 'guest', role: 'guest' as const, displayName: 'Luz' };

describe('join tokens', () => {
  it('verify with the same secret before they expire, and carry their room', () => {
    const token = signJoinToken(SECRET, claims, 1000);
    expect(verifyJoinToken(SECRET, token, 2000)).toMatchObject({ ...claims, exp: 1000 + JOIN_TOKEN_TTL_MS });
    expect(verifyJoinToken(SECRET, token, 1000 + JOIN_TOKEN_TTL_MS)).toBeUndefined();
  });

  it('refuse another secret, a changed body and garbage', () => {
    const token = signJoinToken(SECRET, claims);
    expect(verifyJoinToken('another-secret-of-some-length', token)).toBeUndefined();
    const [, sig] = token.split('.');
    const forgedBody = Buffer.from(
      JSON.stringify({ ...claims, roomId: '00000000-0000-4000-8000-000000000000', exp: Date.now() + 1e6 }),
    ).toString('base64url');
    expect(verifyJoinToken(SECRET, `${forgedBody}.${sig}`)).toBeUndefined();
    for (const bad of ['', 'x', 'a.b', `${token}.extra`]) expect(verifyJoinToken(SECRET, bad)).toBeUndefined();
  });

  it('D10: guest link tokens differ per room and per secret, and are stored only as a hash', () => {
    const a = guestTokenOf(SECRET, ROOM);
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(guestTokenOf(SECRET, ROOM)).toBe(a);
    expect(guestTokenOf(SECRET, '00000000-0000-4000-8000-000000000000')).not.toBe(a);
    expect(guestTokenOf('another-secret-of-some-length', ROOM)).not.toBe(a);
    expect(hashGuestToken(a)).toMatch(/^[0-9a-f]{64}$/);
  });
});
