// Who may use the SFU socket: the bearer of a join token signed by the API, for as long as they
// belong to its room (room-membership.ts) — checked at connect and again before every event.
// The room comes from the token only (D10: a guest token grants exactly one room).
import type { Socket } from 'socket.io';
import type { Db } from '../db/knex.js';
import { SfuError } from './errors.js';
import { verifyJoinToken } from './join-token.js';
import { loadRoomFacts, membershipRefusal } from './room-membership.js';
import type { RoomRights } from './signalling/attach.js';
import type { SfuIdentity } from './signalling/session.js';

export class AccessDenied extends Error {
  override readonly name = 'AccessDenied';
}

const WHY = { room_closed: 'the room is closed', not_participant: 'no longer a participant of this room' } as const;

/**
 * One indexed read per check: cheap enough for every event, and never stale — a cached copy
 * would let a transferred agent act until the cache heard of it.
 */
export function tokenRights(db: Db, secret: string): RoomRights {
  const recheck = async (identity: SfuIdentity): Promise<void> => {
    const refusal = membershipRefusal(identity, await loadRoomFacts(db, identity));
    if (refusal) throw new SfuError(refusal, WHY[refusal]);
  };
  const authorize = async (socket: Socket): Promise<SfuIdentity> => {
    const raw: unknown = socket.handshake.auth['token'];
    const claims = typeof raw === 'string' ? verifyJoinToken(secret, raw) : undefined;
    if (!claims) throw new AccessDenied('invalid or expired join token');
    const identity: SfuIdentity = {
      roomId: claims.roomId,
      peerId: claims.peerId,
      displayName: claims.displayName,
      role: claims.role,
    };
    await recheck(identity);
    return identity;
  };
  return { authorize, recheck };
}
