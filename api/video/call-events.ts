// Every in-call fact reaches the ticket's timeline exactly once (recordCallEvent with an
// updateId derived from the fact's own id), and the room hears it through its own NOTIFY
// channel, which only the SFU listens to and relays to the room's participants: never to the
// staff sockets of the branch or the entity (issue 13).
import type { Client } from '@temporalio/client';
import type { Db } from '../../db/knex.js';
import { recordCallEvent } from '../../domain/ticket-messages.js';
import type { CallEventType } from '../../domain/tickets.js';
import { ROOM_FACTS_CHANNEL, RoomFact, type RoomFactPayload } from '../../domain/contracts/video.js';
import { updateTicket } from '../../workflows/tickets/client.js';
import type { Participant } from './participant.js';

export async function recordInTimeline(
  temporal: Client,
  p: Participant,
  type: CallEventType,
  details: Record<string, unknown>,
  updateId: string,
): Promise<void> {
  await updateTicket(temporal, p.ticketId, recordCallEvent, { actor: p.actor, type, details }, `video:${updateId}`);
}

/** Tells the room's participants (through the SFU) about a stored fact; payloads stay well under NOTIFY's 8 KB. */
export async function announceToRoom<T extends RoomFact['type']>(
  db: Db,
  p: Participant,
  type: T,
  payload: RoomFactPayload<T>,
): Promise<void> {
  // Parsed on the way out: a fact the room's clients would not understand fails here, not there.
  const event = RoomFact.parse({ ...payload, kind: 'video', type, roomId: p.claims.roomId });
  await db.raw('select pg_notify(?, ?)', [ROOM_FACTS_CHANNEL, JSON.stringify(event)]);
}
