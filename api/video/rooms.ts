// Issuing join tokens (G4/D10): agents through their session, the customer through the guest link.
import type { Db } from '../../db/knex.js';
import { DomainError } from '../../domain/errors.js';
import { guestTokenOf, hashGuestToken, signJoinToken } from '../../sfu/join-token.js';
import { agentPeerId, GUEST_PEER_ID, staffBelongs } from '../../sfu/room-membership.js';
import type { SessionUser } from '../auth/sessions.js';
import { loadTicketFor } from '../tickets/access.js';
import type { VideoSettings } from './settings.js';
import { LIVE_STATUSES } from '../../domain/tickets.js';

export type RoomRow = {
  id: string;
  ticket_id: string;
  status: 'open' | 'closed';
  guest_token_hash: string;
  opened_at: Date;
};
export type JoinGrant = Readonly<{
  sfuUrl: string;
  token: string;
  roomId: string;
  peerId: string;
  openedAt: string;
  ticket: { id: string; number: string; status: string };
}>;

async function openRoomOf(db: Db, ticketId: string): Promise<RoomRow> {
  const room: RoomRow | undefined = await db('video_rooms').where({ ticket_id: ticketId }).first();
  if (!room) throw new DomainError('NoVideoRoom');
  if (room.status !== 'open') throw new DomainError('CallEnded');
  return room;
}

/** The agent holding the ticket, or a supervisor/admin of its branch: the rule every later use re-reads. */
export async function joinAsAgent(
  db: Db,
  s: VideoSettings,
  user: SessionUser,
  ticketId: string,
): Promise<JoinGrant & { guestToken: string; guestUrl: string }> {
  const ticket = await loadTicketFor(db, user, ticketId);
  const facts = {
    id: ticket.id,
    status: ticket.status,
    agentId: ticket.agent_id,
    entityId: ticket.entity_id,
    branchId: ticket.branch_id,
  };
  if (!staffBelongs({ ...user, active: true }, facts)) throw new DomainError('OnlyServingAgentJoins');
  const room = await openRoomOf(db, ticketId);
  const guestToken = guestTokenOf(s.secret, room.id);
  // The first issue records the link's hash, which is how the guest route finds the room.
  if (!room.guest_token_hash)
    await db('video_rooms')
      .where({ id: room.id, guest_token_hash: '' })
      .update({ guest_token_hash: hashGuestToken(guestToken) });
  const peerId = agentPeerId(user.id);
  const displayName = `${user.firstName} ${user.lastName}`.trim() || user.email;
  return {
    ...grant(
      s,
      room,
      { id: ticketId, number: String(ticket.number), status: String(ticket.status) },
      peerId,
      'agent',
      displayName,
    ),
    guestToken,
    guestUrl: `${s.publicUrl}/join/${guestToken}`,
  };
}

/** D10: the link grants exactly its own room, and only while the ticket is live. */
export async function joinAsGuest(
  db: Db,
  s: VideoSettings,
  guestToken: string,
): Promise<JoinGrant & { customerName: string; entityName: string; agentFirstName: string | null }> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(guestToken)) throw new DomainError('LinkInvalid');
  const row = await db('video_rooms as r')
    .join('tickets as t', 't.id', 'r.ticket_id')
    .join('entities as e', 'e.id', 't.entity_id')
    .leftJoin('customers as c', 'c.id', 't.customer_id')
    .leftJoin('users as u', 'u.id', 't.agent_id')
    .where('r.guest_token_hash', hashGuestToken(guestToken))
    .first(
      'r.*',
      't.number',
      't.status as ticket_status',
      'e.name as entity_name',
      'u.first_name as agent_first_name',
      db.raw(`trim(coalesce(c.first_name, '') || ' ' || coalesce(c.last_name, '')) as customer_name`),
    );
  if (!row) throw new DomainError('LinkInvalid');
  if (row.status !== 'open' || !LIVE_STATUSES.some((live) => live === row.ticket_status))
    throw new DomainError('CallEnded');
  const customerName = (row.customer_name as string) || 'Cliente';
  return {
    ...grant(
      s,
      row as RoomRow,
      { id: row.ticket_id, number: row.number, status: row.ticket_status },
      GUEST_PEER_ID,
      'guest',
      customerName,
    ),
    customerName,
    entityName: row.entity_name as string,
    agentFirstName: (row.agent_first_name as string | null) || null,
  };
}

function grant(
  s: VideoSettings,
  room: RoomRow,
  ticket: JoinGrant['ticket'],
  peerId: string,
  role: 'agent' | 'guest',
  displayName: string,
): JoinGrant {
  return {
    sfuUrl: s.sfuUrl,
    token: signJoinToken(s.secret, { roomId: room.id, peerId, role, displayName }),
    roomId: room.id,
    peerId,
    openedAt: new Date(room.opened_at).toISOString(),
    ticket,
  };
}
