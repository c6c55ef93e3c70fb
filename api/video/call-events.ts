// Every in-call fact reaches the ticket's timeline exactly once (recordCallEvent with an
// updateId derived from the fact's own id), and the room hears it through the database bus,
// which the SFU relays to the room's sockets.
import type { Client } from '@temporalio/client';
import type { Db } from '../../db/knex.js';
import { EVENTS_CHANNEL } from '../../db/knex.js';
import { recordCallEvent } from '../../domain/ticket-messages.js';
import type { CallEventType } from '../../domain/tickets.js';
import { updateTicket } from '../tickets/workflow-client.js';
import type { Participant } from './participant.js';

export async function recordInTimeline(temporal: Client, p: Participant, type: CallEventType, details: Record<string, unknown>, updateId: string): Promise<void> {
  await updateTicket(temporal, p.ticketId, recordCallEvent, { actor: p.actor, type, details }, `video:${updateId}`);
}

/** Tells the room (through the SFU) about a stored fact; payloads stay well under NOTIFY's 8 KB. */
export async function announceToRoom(db: Db, p: Participant, type: string, payload: Record<string, unknown>): Promise<void> {
  const event = { kind: 'video', type, roomId: p.claims.roomId, ticketId: p.ticketId, entityId: p.entityId, branchId: p.branchId, ...payload };
  await db.raw('select pg_notify(?, ?)', [EVENTS_CHANNEL, JSON.stringify(event)]);
}
