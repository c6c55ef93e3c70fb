// Who may open the SFU socket: the bearer of a join token signed by the API, for a room that is
// still open. The room comes from the token only (D10: a guest token grants exactly one room).
import type { Socket } from 'socket.io';
import type { Db } from '../db/knex.js';
import { verifyJoinToken } from './join-token.js';
import type { SfuIdentity } from './signalling/session.js';

export class AccessDenied extends Error {
  override readonly name = 'AccessDenied';
}

export function tokenAuthorizer(db: Db, secret: string): (socket: Socket) => Promise<SfuIdentity> {
  return async (socket) => {
    const raw: unknown = socket.handshake.auth['token'];
    const claims = typeof raw === 'string' ? verifyJoinToken(secret, raw) : undefined;
    if (!claims) throw new AccessDenied('invalid or expired join token');
    const room = await db('video_rooms').where({ id: claims.roomId }).first('status');
    if (room?.status !== 'open') throw new AccessDenied(`room ${claims.roomId} is not open`);
    return { roomId: claims.roomId, peerId: claims.peerId, displayName: claims.displayName, role: claims.role };
  };
}
