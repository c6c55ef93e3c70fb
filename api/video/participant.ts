// Room-scoped requests (chat, files, T&C, tags, presence) carry the SFU join token as a bearer:
// agent and guest alike prove "I am in this room" the same way. The token is only who its bearer
// was; each request reads again whether they still belong (sfu/room-membership.ts): the room
// must be open, and an agent must still hold the ticket (a transfer revokes them) or supervise it.
import type { RequestHandler } from 'express';
import type { Db } from '../../db/knex.js';
import { DomainError } from '../../domain/errors.js';
import type { Actor } from '../../domain/tickets.js';
import { verifyJoinToken, type JoinClaims } from '../../sfu/join-token.js';
import { loadRoomFacts, membershipRefusal, staffIdOf, type RoomFacts } from '../../sfu/room-membership.js';
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

/** The room's facts while the claims still grant it; otherwise the refusal to answer. */
export async function currentRoom(db: Db, claims: JoinClaims): Promise<RoomFacts> {
  const facts = await loadRoomFacts(db, claims);
  const refusal = membershipRefusal(claims, facts);
  if (refusal === 'room_closed') throw new DomainError('CallEnded');
  if (refusal || !facts) throw new DomainError('OnlyServingAgentJoins');
  return facts;
}

export function requireParticipant(db: Db, s: VideoSettings): RequestHandler<{ roomId: string }> {
  return (req, res, next) => {
    const claims = bearerClaims(req.headers.authorization, s.secret);
    if (!claims || claims.roomId !== req.params.roomId) return next(new DomainError('JoinFirst'));
    currentRoom(db, claims).then(({ ticket }) => {
      const userId = staffIdOf(claims);
      res.locals.participant = {
        claims,
        ticketId: ticket.id,
        entityId: ticket.entityId,
        branchId: ticket.branchId,
        userId,
        actor:
          userId === null
            ? { type: 'customer', name: claims.displayName }
            : { type: 'user', id: userId, name: claims.displayName },
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

/** The customer's own acts (answering the terms): never the agent's token. */
export function requireGuest(): RequestHandler {
  return (_req, res, next) => {
    if (res.locals.participant.claims.role !== 'guest') return next(new DomainError('OnlyCustomerMayDo'));
    next();
  };
}
