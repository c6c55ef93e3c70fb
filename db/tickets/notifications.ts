import type { Knex } from 'knex';
import { EVENTS_CHANNEL } from '../knex.js';
import type { Step } from '../../domain/ticket-steps.js';

/**
 * A2: an appointment confirmation notifies every agent assigned to its service. The dedupe key
 * is the step, so a retry adds no second row.
 */
export async function notifyServiceAgents(trx: Knex.Transaction, ticket: Record<string, unknown>, step: Step): Promise<void> {
  const agentIds = (await trx('service_assignments').where({ service_id: ticket.service_id }).pluck('user_id')) as number[];
  if (!agentIds.length) return;
  const when = ticket.scheduled_at instanceof Date ? ticket.scheduled_at.toISOString() : String(ticket.scheduled_at);
  const rows = agentIds.map((user_id) => ({
    entity_id: ticket.entity_id, user_id, type: 'appointment_confirmed',
    title: `Cita ${String(ticket.number)} confirmada`,
    body: null,
    data: JSON.stringify({ ticketId: ticket.id, number: ticket.number, scheduledAt: when, serviceId: ticket.service_id }),
    dedupe_key: `${String(ticket.id)}:${step.seq}`,
  }));
  const inserted = await trx('notifications').insert(rows).onConflict(['user_id', 'dedupe_key']).ignore().returning(['id', 'user_id']);
  for (const n of inserted) {
    await trx.raw('select pg_notify(?, ?)', [EVENTS_CHANNEL, JSON.stringify({ kind: 'notification', userId: n.user_id, id: n.id, entityId: ticket.entity_id })]);
  }
}
