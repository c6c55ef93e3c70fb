// Persists one workflow step: its timeline event and the ticket row change, in one transaction.
// The event's (ticket_id, seq) is unique (with its ticket's day, the partition key: migration
// 019), so a retried activity finds its event already written and changes nothing: each step
// lands exactly once.
import { DomainError } from '../../domain/errors.js';
import { APPOINTMENT_END } from '../../domain/tickets.js';
import type { Knex } from 'knex';
import type { Db } from '../knex.js';
import type { StepEffects, StepResult } from '../../domain/ticket-activities.js';
import type { Step, TicketPatch } from '../../domain/ticket-steps.js';
import { upsertCustomer } from './customers.js';
import { customerChanges } from './customer-diff.js';
import { notifyChange } from './notify.js';
import type { TicketRow } from './row.js';
import { returned } from '../returned.js';
import { notifyServiceAgents } from './notifications.js';
import { syncVideoRoom } from '../video/rooms.js';

const COLUMN: Record<keyof TicketPatch, string | null> = {
  status: 'status',
  agentId: 'agent_id',
  deskId: 'desk_id',
  serviceId: 'service_id',
  priority: 'priority',
  arrivalAt: 'arrival_at',
  recallCount: 'recall_count',
  requeueCount: 'requeue_count',
  noAnswerCount: 'no_answer_count',
  customerId: 'customer_id',
  preferredAgentId: 'preferred_agent_id',
  queuedAt: 'queued_at',
  calledAt: 'called_at',
  attendingAt: 'attending_at',
  endedAt: 'ended_at',
  topicIds: null, // a join table, written below
};

/**
 * Work of another domain that belongs in the same transaction as a step (issue 15: the next
 * customer is claimed as the attention ends). Runs once, with the step's first write; given the
 * ticket's agent before the step.
 */
export type InStep = (trx: Knex.Transaction, step: Step, agentBefore: number | null) => Promise<unknown>;

export async function applyStep(db: Db, step: Step, effects: StepEffects = {}, inStep?: InStep): Promise<StepResult> {
  try {
    return await db.transaction((trx) => write(trx, step, effects, inStep));
  } catch (err) {
    // An agent already calling or attending another ticket: the database says no (unique index).
    if ((err as { constraint?: string }).constraint === 'tickets_one_open_per_agent')
      throw new DomainError('AgentBusy');
    throw err;
  }
}

async function write(trx: Knex.Transaction, step: Step, effects: StepEffects, inStep?: InStep): Promise<StepResult> {
  // The ticket's row first: its day is the step's partition key, and a step locks its ticket anyway
  // (NO KEY, as its update would: rows that merely reference the ticket are not held up).
  const ticket: TicketRow | undefined = await trx('tickets').where({ id: step.ticketId }).forNoKeyUpdate().first();
  if (!ticket)
    throw new DomainError('NotFound', { resource: 'tickets' }, { message: `Ticket ${step.ticketId} has no row.` });
  // Issue 16: a customer edit keeps what it changed, before the row changes.
  const details =
    step.type === 'customer_edited' && effects.customer
      ? { ...step.details, changes: await customerChanges(trx, ticket.customer_id, effects.customer) }
      : step.details;
  const inserted = await trx('ticket_events')
    .insert({
      ticket_id: step.ticketId,
      service_day: ticket.service_day,
      seq: step.seq,
      type: step.type,
      from_status: step.from,
      to_status: step.to,
      actor_type: step.actor.type,
      actor_id: step.actor.id ?? null,
      actor_name: step.actor.name ?? null,
      details: JSON.stringify(details),
      at: step.at,
    })
    .onConflict(['ticket_id', 'seq', 'service_day'])
    .ignore()
    .returning('id');
  if (inserted.length === 0) return { customerId: ticket.customer_id }; // already applied by an earlier attempt

  const update: Record<string, unknown> = { last_event_seq: step.seq, updated_at: step.at };
  // A note, topics or a customer edit is a step too, but the time in status runs on.
  if (step.to !== step.from) update.status_at = step.at;
  for (const [k, v] of Object.entries(step.patch) as [keyof TicketPatch, unknown][]) {
    const col = COLUMN[k];
    if (col) update[col] = v;
  }
  let customerId: number | null = ticket.customer_id;
  if (effects.linkCustomerId !== undefined) {
    const c: { id: number } | undefined = await trx('customers')
      .where({ id: effects.linkCustomerId, entity_id: ticket.entity_id })
      .first('id');
    if (!c) throw new DomainError('Validation', {}, { fields: { customerId: { code: 'unknown_reference' } } });
    customerId = c.id;
    update.customer_id = customerId;
  } else if (effects.customer) {
    customerId = await upsertCustomer(trx, ticket.entity_id, customerId, effects.customer);
    update.customer_id = customerId;
  }
  const row: TicketRow = returned(await trx('tickets').where({ id: step.ticketId }).update(update).returning('*'));

  if (step.patch.topicIds) {
    await trx('ticket_topics').where({ ticket_id: step.ticketId }).delete();
    if (step.patch.topicIds.length) {
      await trx('ticket_topics').insert(
        step.patch.topicIds.map((topic_id) => ({ ticket_id: step.ticketId, topic_id })),
      );
    }
  }
  if (step.type === 'confirmed' && ticket.appointment_id) {
    await trx('appointments')
      .where({ id: ticket.appointment_id })
      .update({ status: 'confirmed', confirmed_at: step.at });
    await notifyServiceAgents(trx, row, step);
  }
  if (step.type === 'queued' && ticket.appointment_id) {
    await trx('appointments').where({ id: ticket.appointment_id }).update({ status: 'checked_in' });
  }
  const ended = APPOINTMENT_END[step.to];
  if (ended && step.to !== step.from && ticket.appointment_id) {
    await trx('appointments').where({ id: ticket.appointment_id }).update({ status: ended, updated_at: step.at });
  }
  await syncVideoRoom(trx, row, step);
  await notifyChange(trx, row, step.type);
  await inStep?.(trx, step, ticket.agent_id);
  return { customerId };
}
