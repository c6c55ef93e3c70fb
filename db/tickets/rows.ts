import type { Knex } from 'knex';
import { EVENTS_CHANNEL } from '../knex.js';
import type { TicketView } from '../../domain/ticket-messages.js';

type Row = Record<string, unknown>;
const iso = (v: unknown): string | null => (v instanceof Date ? v.toISOString() : typeof v === 'string' ? v : null);

export function toView(r: Row, topicIds: number[]): TicketView {
  return {
    id: r.id as string,
    number: r.number as string,
    kind: r.kind as TicketView['kind'],
    status: r.status as TicketView['status'],
    branchId: r.branch_id as number,
    serviceId: r.service_id as number,
    customerId: (r.customer_id as number | null) ?? null,
    priority: r.priority as number,
    arrivalAt: iso(r.arrival_at) as string,
    scheduledAt: iso(r.scheduled_at),
    statusSince: iso(r.updated_at) as string,
    agentId: (r.agent_id as number | null) ?? null,
    deskId: (r.desk_id as number | null) ?? null,
    preferredAgentId: (r.preferred_agent_id as number | null) ?? null,
    recallCount: r.recall_count as number,
    requeueCount: r.requeue_count as number,
    noAnswerCount: r.no_answer_count as number,
    topicIds,
  };
}

/**
 * Announces a committed ticket change. NOTIFY is transactional: listeners hear it only if the
 * transaction commits, and once per commit — so a retried activity never announces twice.
 */
export async function notifyChange(trx: Knex.Transaction, row: Row, type: string): Promise<void> {
  const payload = {
    kind: 'ticket', type, ticketId: row.id, entityId: row.entity_id, branchId: row.branch_id,
    serviceId: row.service_id, status: row.status, agentId: row.agent_id ?? null, deskId: row.desk_id ?? null,
    number: row.number, seq: row.last_event_seq,
    // When the step happened (workflow time), so listeners can measure their delay.
    at: row.updated_at instanceof Date ? row.updated_at.toISOString() : row.updated_at,
  };
  await trx.raw('select pg_notify(?, ?)', [EVENTS_CHANNEL, JSON.stringify(payload)]);
}
