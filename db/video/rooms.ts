// D1/D3/D4: a virtual ticket's video room follows its ticket steps. Called from the ticket step
// transaction, so the room row and the step commit (or retry) together, and the NOTIFY that
// tells the SFU is heard only once the step committed.
import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { VideoEvent } from '../../domain/contracts/realtime.js';
import { announce as announceEvent } from '../announce.js';
import { ENDED_STATUSES, type TicketStatus } from '../../domain/tickets.js';

type TicketRow = Readonly<{ id: string; kind: string; entity_id: number; branch_id: number }>;
type StepLike = Readonly<{ type: string; to: TicketStatus; at: string }>;

/**
 * Opens the room on the first `called` of a virtual ticket (a later `called`, after a transfer,
 * finds it open and keeps it: the customer stays connected) and closes it when the ticket ends.
 * A step back to waiting (transfer, requeue) keeps the room but takes it from the agent who held
 * the ticket: the SFU hears it and re-checks who is still in (issue 13).
 */
export async function syncVideoRoom(trx: Knex.Transaction, ticket: TicketRow, step: StepLike): Promise<void> {
  if (ticket.kind !== 'virtual') return;
  if (step.type === 'called') {
    const opened = await trx('video_rooms')
      .insert({ id: randomUUID(), ticket_id: ticket.id, status: 'open', guest_token_hash: '', opened_at: step.at })
      .onConflict('ticket_id')
      .ignore()
      .returning('id');
    const roomId: string | undefined = opened[0]?.id;
    if (roomId) await announce(trx, ticket, roomId, 'room_opened');
    return;
  }
  if (step.to === 'waiting') {
    const room: { id: string } | undefined = await trx('video_rooms')
      .where({ ticket_id: ticket.id, status: 'open' })
      .first('id');
    if (room) await announce(trx, ticket, room.id, 'room_access_changed');
    return;
  }
  if (ENDED_STATUSES.includes(step.to)) {
    const closed = await trx('video_rooms')
      .where({ ticket_id: ticket.id, status: 'open' })
      .update({ status: 'closed', closed_at: step.at })
      .returning('id');
    const roomId: string | undefined = closed[0]?.id;
    if (roomId) await announce(trx, ticket, roomId, 'room_closed');
  }
}

async function announce(trx: Knex.Transaction, t: TicketRow, roomId: string, type: VideoEvent['type']): Promise<void> {
  await announceEvent(trx, {
    kind: 'video',
    type,
    ticketId: t.id,
    roomId,
    entityId: t.entity_id,
    branchId: t.branch_id,
  });
}
