// Who belongs to a video room, written once (issue 13) and asked at every use: the API's room
// routes and downloads, the issue of agents' join tokens, and every SFU event. A join token only
// says who its bearer was when it was signed; whether they still belong is read here, from the
// room's and ticket's rows as they are now.
import type { Knex } from 'knex';
import { hasAdminRights } from '../domain/agents.js';
import type { JoinClaims } from './join-token.js';

export const GUEST_PEER_ID = 'guest';
export const agentPeerId = (userId: number): string => `user-${userId}`;

/** The staff user behind an agent token (peer `user-<id>`); null for the customer or a malformed peer. */
export function staffIdOf(claims: Pick<JoinClaims, 'role' | 'peerId'>): number | null {
  const m = claims.role === 'agent' ? /^user-([1-9]\d{0,9})$/.exec(claims.peerId) : null;
  return m ? Number(m[1]) : null;
}

export type StaffFacts = Readonly<{
  id: number;
  role: string;
  entityId: number;
  branchId: number | null;
  active: boolean;
}>;
export type TicketFacts = Readonly<{
  id: string;
  status: string;
  agentId: number | null;
  entityId: number;
  branchId: number;
}>;
export type RoomFacts = Readonly<{ roomId: string; open: boolean; ticket: TicketFacts; staff: StaffFacts | null }>;

/** Why a token no longer grants its room (also the SFU's ack codes). */
export type MembershipRefusal = 'room_closed' | 'not_participant';

/**
 * Staff who may be in a ticket's call: the agent holding it (calling or attending it — so a
 * transfer or requeue, which leaves it waiting, drops them), or an active supervisor of its
 * branch (or of the whole entity) or admin (or operator) of its entity.
 */
export function staffBelongs(staff: StaffFacts, ticket: TicketFacts): boolean {
  if (!staff.active || staff.entityId !== ticket.entityId) return false;
  if (hasAdminRights(staff.role)) return true;
  if (staff.role === 'supervisor') return staff.branchId === null || staff.branchId === ticket.branchId;
  return staff.id === ticket.agentId && (ticket.status === 'calling' || ticket.status === 'attending');
}

/** undefined while the token's bearer still belongs to its open room. */
export function membershipRefusal(
  claims: Pick<JoinClaims, 'role' | 'peerId'>,
  facts: RoomFacts | undefined,
): MembershipRefusal | undefined {
  if (!facts?.open) return 'room_closed';
  if (claims.role === 'guest') return claims.peerId === GUEST_PEER_ID ? undefined : 'not_participant';
  return facts.staff && staffBelongs(facts.staff, facts.ticket) ? undefined : 'not_participant';
}

/** One indexed read: the room, its ticket, and the token's staff user if any. */
export async function loadRoomFacts(
  db: Knex,
  claims: Pick<JoinClaims, 'roomId' | 'role' | 'peerId'>,
): Promise<RoomFacts | undefined> {
  const staffId = staffIdOf(claims);
  const row = await db('video_rooms as r')
    .join('tickets as t', 't.id', 'r.ticket_id')
    .joinRaw('left join users as u on u.id = ?', [staffId])
    .where('r.id', claims.roomId)
    .first(
      'r.status',
      't.id as ticket_id',
      't.status as ticket_status',
      't.agent_id',
      't.entity_id',
      't.branch_id',
      'u.id as user_id',
      'u.role',
      'u.entity_id as user_entity_id',
      'u.branch_id as user_branch_id',
      'u.active',
    );
  if (!row) return undefined;
  return {
    roomId: claims.roomId,
    open: row.status === 'open',
    ticket: {
      id: row.ticket_id,
      status: row.ticket_status,
      agentId: row.agent_id ?? null,
      entityId: row.entity_id,
      branchId: row.branch_id,
    },
    staff:
      row.user_id == null
        ? null
        : {
            id: row.user_id,
            role: row.role,
            entityId: row.user_entity_id,
            branchId: row.user_branch_id ?? null,
            active: row.active === true,
          },
  };
}
