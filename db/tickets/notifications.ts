import type { Knex } from 'knex';
import type { Step } from '../../domain/ticket-steps.js';
import { iso } from '../dates.js';
import { addNotifications } from '../notifications.js';
import type { TicketRow } from './row.js';

/**
 * A2: an appointment confirmation notifies every agent assigned to its service. The dedupe key
 * is the step, so a retry adds no second row.
 */
export async function notifyServiceAgents(trx: Knex.Transaction, ticket: TicketRow, step: Step): Promise<void> {
  const agentIds: number[] = await trx('service_assignments').where({ service_id: ticket.service_id }).pluck('user_id');
  await addNotifications(
    trx,
    ticket.entity_id,
    agentIds.map((user_id) => ({
      user_id,
      type: 'appointment_confirmed',
      title: `Cita ${ticket.number} confirmada`,
      body: null,
      data: {
        ticketId: ticket.id,
        number: ticket.number,
        scheduledAt: iso(ticket.scheduled_at),
        serviceId: ticket.service_id,
      },
      dedupe_key: `${ticket.id}:${step.seq}`,
    })),
  );
}
