// First step of every ticket: number it and write its row, its customer and its first timeline
// event in one transaction. Safe to retry: a ticket that already exists is returned as is.
// Two callers run it for the same ticket: the API, right after starting the workflow (so issuing
// never waits for a busy worker, issue 15), and the workflow's first step, which then finds the
// row — or writes it, when the API's attempt never committed.
import { DomainError } from '../../domain/errors.js';
import type { Db } from '../knex.js';
import type { TicketInput } from '../../domain/ticket-messages.js';
import { formatTicketNumber, ticketWorkflowId, type TicketStatus } from '../../domain/tickets.js';
import type { Registered, RegisterPlan } from '../../domain/ticket-activities.js';
import { selfQueueAt } from '../../domain/ticket-steps.js';
import { loadServiceRules } from './rules.js';
import { upsertCustomer } from './customers.js';
import { notifyChange } from './notify.js';
import { topicIdsOf, toView, type TicketRow } from './row.js';
import { returned } from '../returned.js';
import { customerReachable } from '../messages/reach.js';

export async function registerTicket(db: Db, input: TicketInput, plan: RegisterPlan): Promise<Registered> {
  return db.transaction(async (trx) => {
    // Two attempts of this activity can overlap (the first outlives its time-out under load): the
    // lock makes the second wait and then find the first one's ticket, instead of colliding on
    // the insert and being refused as a duplicate.
    await trx.raw('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`ticket:${input.ticketId}`]);
    const existing: TicketRow | undefined = await trx('tickets').where({ id: input.ticketId }).first();
    const rules = plan.rules ?? (await loadServiceRules(trx, input.serviceId, input.branchId));
    if (existing)
      return {
        view: toView(existing, await topicIdsOf(trx, input.ticketId)),
        rules,
        customerName: await customerName(trx, existing.customer_id),
        notify: await customerReachable(trx, existing.customer_id),
        ...(await reminderOf(trx, existing.service_id, existing.scheduled_at)),
      };

    const queueAt = input.scheduledAt ? selfQueueAt(input.scheduledAt, rules) : undefined;
    const status: TicketStatus =
      queueAt === null || (queueAt !== undefined && Date.parse(queueAt) > Date.parse(plan.at))
        ? 'scheduled'
        : 'waiting';

    const service = await trx('services as s')
      .join('branches as b', 'b.id', 's.branch_id')
      .where('s.id', input.serviceId)
      .select('s.label', 'b.entity_id', 'b.timezone')
      .first();
    if (!service || service.entity_id !== input.entityId) {
      throw new DomainError(
        'Validation',
        {},
        {
          message: `Service ${input.serviceId} does not exist in this entity.`,
          fields: { serviceId: { code: 'unknown_reference' } },
        },
      );
    }
    const priority = input.priorityId
      ? (await trx('priorities').where({ id: input.priorityId, entity_id: input.entityId }).first())?.level
      : 0;
    if (priority === undefined)
      throw new DomainError('Validation', {}, { fields: { priorityId: { code: 'unknown_reference' } } });

    let customerId = input.customerId ?? null;
    if (customerId !== null) {
      const c = await trx('customers').where({ id: customerId, entity_id: input.entityId }).first();
      if (!c) throw new DomainError('Validation', {}, { fields: { customerId: { code: 'unknown_reference' } } });
    } else if (input.newCustomer) {
      customerId = await upsertCustomer(trx, input.entityId, null, input.newCustomer);
    }

    let appointmentId: number | null = null;
    if (input.kind === 'appointment' && input.scheduledAt) {
      if (customerId === null) throw new DomainError('AppointmentNeedsCustomer');
      [{ id: appointmentId }] = await trx('appointments')
        .insert({
          entity_id: input.entityId,
          branch_id: input.branchId,
          service_id: input.serviceId,
          customer_id: customerId,
          scheduled_at: input.scheduledAt,
        })
        .returning('id');
    }

    // Read before the counter: its row lock, which serialises this service's creators, is held
    // from the counter to the commit, so nothing that can run earlier runs after it.
    const name = await customerName(trx, customerId);
    // The service day is the branch's local calendar day — an appointment's own day, not the
    // day it was booked (issue 16: numbered and counted with that day's tickets). The counter row
    // lock serialises concurrent creators and rolls back with a failed insert: no gaps.
    // One round trip: the day is computed by the statement that numbers the ticket.
    const counter = await trx.raw(
      `insert into ticket_counters (service_id, day, last) values (?, (?::timestamptz at time zone ?)::date, 1)
       on conflict (service_id, day) do update set last = ticket_counters.last + 1 returning last, day::text as day`,
      [input.serviceId, input.scheduledAt ?? plan.at, service.timezone],
    );
    const seq: number = counter.rows[0].last;
    const day: string = counter.rows[0].day;

    const row = {
      id: input.ticketId,
      entity_id: input.entityId,
      branch_id: input.branchId,
      service_id: input.serviceId,
      customer_id: customerId,
      appointment_id: appointmentId,
      kind: input.kind,
      status: status,
      service_day: day,
      seq,
      numbered_service_id: input.serviceId,
      number: formatTicketNumber(service.label, seq),
      priority,
      priority_id: input.priorityId ?? null,
      arrival_at: plan.at,
      scheduled_at: input.scheduledAt ?? null,
      queued_at: status === 'waiting' ? plan.at : null,
      workflow_id: ticketWorkflowId(input.ticketId),
      last_event_seq: 1,
      created_at: plan.at,
      updated_at: plan.at,
      status_at: plan.at,
    };
    const inserted: TicketRow = returned(await trx('tickets').insert(row).returning('*'));
    await trx('ticket_events').insert({
      ticket_id: input.ticketId,
      service_day: day,
      seq: 1,
      type: 'created',
      from_status: null,
      to_status: status,
      actor_type: input.actor.type,
      actor_id: input.actor.id ?? null,
      actor_name: input.actor.name ?? null,
      details: JSON.stringify({ number: row.number, kind: input.kind, serviceId: input.serviceId }),
      at: plan.at,
    });
    await notifyChange(trx, inserted, 'created');
    return {
      view: toView(inserted, []),
      rules,
      customerName: name,
      notify: await customerReachable(trx, customerId),
      ...(await reminderOf(trx, input.serviceId, input.scheduledAt ?? null)),
    };
  });
}

async function customerName(db: Db, id: number | null): Promise<string | null> {
  if (id === null) return null;
  const c = await db('customers').where({ id }).first('first_name', 'last_name');
  return c ? `${c.first_name} ${c.last_name}`.trim() : null;
}

/** Issue 20: when an appointment's reminder is due, from its service's lead time. */
async function reminderOf(
  db: Db,
  serviceId: number,
  scheduledAt: string | Date | null,
): Promise<{ remindAt?: string }> {
  if (scheduledAt === null) return {};
  const s: { remind_before_minutes: number | null } | undefined = await db('services')
    .where({ id: serviceId })
    .first('remind_before_minutes');
  if (!s?.remind_before_minutes) return {};
  return { remindAt: new Date(new Date(scheduledAt).getTime() - s.remind_before_minutes * 60_000).toISOString() };
}
