// Announces a committed ticket change to socket.io (api/realtime/socket.ts fans it out).
import type { Knex } from 'knex';
import type { TimelineEventType } from '../../domain/tickets.js';
import { announce } from '../announce.js';
import { iso } from '../dates.js';
import type { TicketRow } from './row.js';

export async function notifyChange(trx: Knex.Transaction, row: TicketRow, type: TimelineEventType): Promise<void> {
  await announce(trx, {
    kind: 'ticket',
    type,
    ticketId: row.id,
    entityId: row.entity_id,
    branchId: row.branch_id,
    serviceId: row.service_id,
    status: row.status,
    agentId: row.agent_id,
    deskId: row.desk_id,
    number: row.number,
    seq: row.last_event_seq,
    at: iso(row.updated_at),
  });
}
