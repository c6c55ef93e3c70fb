// Issue 20: the links a message carries that act without a login — its opt-out and an
// appointment's one-tap confirm. A link names its message and is signed with the session
// secret, so nothing is stored per link and a forged or altered one is refused.
import { createHmac, timingSafeEqual } from 'node:crypto';

const mac = (secret: string, id: number, purpose: string): string =>
  createHmac('sha256', secret).update(`message:${purpose}:${id}`).digest('base64url').slice(0, 32);

export type LinkPurpose = 'opt-out' | 'confirm';

export const messageToken = (secret: string, id: number, purpose: LinkPurpose): string =>
  `${id}.${mac(secret, id, purpose)}`;

/** The message a link names, when its signature holds. */
export function messageOfToken(secret: string, token: string, purpose: LinkPurpose): number | undefined {
  const m = /^(\d{1,15})\.([A-Za-z0-9_-]{32})$/.exec(token);
  if (!m) return undefined;
  const id = Number(m[1]);
  const expected = Buffer.from(mac(secret, id, purpose));
  const given = Buffer.from(m[2]!);
  return expected.length === given.length && timingSafeEqual(expected, given) ? id : undefined;
}

/** The video room's guest link token, as the SFU checks it (sfu/join-token.ts guestTokenOf). */
export const videoGuestToken = (secret: string, roomId: string): string =>
  createHmac('sha256', secret).update(`video-guest:${roomId}`).digest('base64url');
