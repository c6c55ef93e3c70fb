// Room-scoped requests (chat, files, T&C, tags, presence) carry the SFU join token as a bearer:
// agent and guest alike prove "I am in this room" the same way, and the room must still be open.
import type { RequestHandler } from 'express';
import type { Db } from '../../db/knex.js';
import { DomainError } from '../../domain/errors.js';
import type { Actor } from '../../domain/tickets.js';
import { verifyJoinToken, type JoinClaims } from '../../sfu/join-token.js';
import type { VideoSettings } from './settings.js';

export type Participant = Readonly<{
  claims: JoinClaims;
  ticketId: string;
  entityId: number;
  branchId: number;
  /** The user id of an agent participant (peer `user-<id>`); null for the customer. */
  userId: number | null;
  actor: Actor;
}>;

declare module 'express-serve-static-core' {
  interface Locals {
    participant: Participant;
  }
}

export function bearerClaims(header: string | undefined, secret: string): JoinClaims | undefined {
  if (!header?.startsWith('Bearer ')) return undefined;
  return verifyJoinToken(secret, header.slice(7).trim());
}

export function requireParticipant(db: Db, s: VideoSettings): RequestHandler<{ roomId: string }> {
  return (req, res, next) => {
    const claims = bearerClaims(req.headers.authorization, s.secret);
    if (!claims || claims.roomId !== req.params.roomId) return next(new DomainError('JoinFirst'));
    db('video_rooms as r').join('tickets as t', 't.id', 'r.ticket_id').where('r.id', claims.roomId)
      .first('r.status', 'r.ticket_id', 't.entity_id', 't.branch_id')
      .then((room: { status: string; ticket_id: string; entity_id: number; branch_id: number } | undefined) => {
        if (room?.status !== 'open') return next(new DomainError('CallEnded'));
        const userId = claims.role === 'agent' ? Number(claims.peerId.replace(/^user-/, '')) : null;
        res.locals.participant = {
          claims, ticketId: room.ticket_id, entityId: room.entity_id, branchId: room.branch_id, userId,
          actor: userId === null ? { type: 'customer', name: claims.displayName } : { type: 'user', id: userId, name: claims.displayName },
        };
        next();
      }, next);
  };
}

export function requireAgent(): RequestHandler {
  return (_req, res, next) => {
    if (res.locals.participant.claims.role !== 'agent') return next(new DomainError('OnlyAgentMayDo'));
    next();
  };
}
