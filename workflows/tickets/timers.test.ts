// H2/H6/A2: the ticket workflow's timers on the real stack, with short configured durations.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as msg from '../../domain/ticket-messages.js';
import { startTicket, updateTicket } from './client.js';
import { createTestStack, type TestStack } from '../../tests/support/stack.js';
import { createOrg, ticketInput, type Org } from '../../tests/support/fixtures.js';

let s: TestStack;
let org: Org;
beforeAll(async () => {
  s = await createTestStack();
  await s.startWorker();
  org = await createOrg(s.db, {
    services: [
      { label: 'A', callTimeoutSeconds: 1, maxAutoRequeues: 1, appointmentEntry: 'window' },
      { label: 'B', callTimeoutSeconds: 1, maxAutoRequeues: 1 }, // appointments only at check-in (the default)
    ],
    checkInWindowMinutes: 0,
  });
});
afterAll(() => s?.close());

const waitFor = async <T>(fn: () => Promise<T>, ok: (v: T) => boolean, ms = 15_000): Promise<T> => {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`condition not met in ${ms} ms: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};
const row = (id: string) => s.db('tickets').where({ id }).first();

describe('H2 call time-out', () => {
  it('requeues automatically up to the service limit keeping arrival time, then marks no-show', async () => {
    const input = ticketInput(org);
    const created = await startTicket(s.client, s.taskQueue, input);
    const [a] = org.agents;
    const call = () =>
      updateTicket(s.client, input.ticketId, msg.callTicket, {
        actor: a!.actor,
        agentId: a!.id,
        deskId: org.deskIds[0]!,
      });
    await call();
    const requeued = await waitFor(
      () => row(input.ticketId),
      (r) => r.status === 'waiting' && r.no_answer_count === 1,
    );
    expect(requeued.agent_id).toBeNull();
    expect(requeued.arrival_at.toISOString()).toBe(created.arrivalAt);
    await call();
    await waitFor(
      () => row(input.ticketId),
      (r) => r.status === 'no_show',
    );
    const types = await s
      .db('ticket_events')
      .where({ ticket_id: input.ticketId })
      .orderBy('seq')
      .select('type', 'actor_type');
    expect(types).toEqual([
      { type: 'created', actor_type: 'customer' },
      { type: 'called', actor_type: 'user' },
      { type: 'requeued', actor_type: 'system' },
      { type: 'called', actor_type: 'user' },
      { type: 'no_show', actor_type: 'system' },
    ]);
    // The workflow closes right after its last step (once it has told the shift).
    expect(await s.client.workflow.getHandle(`ticket-${input.ticketId}`).result()).toMatchObject({ status: 'no_show' });
  });

  it('attending before the time-out cancels the timer', async () => {
    const input = ticketInput(org);
    await startTicket(s.client, s.taskQueue, input);
    const [, b] = org.agents;
    await updateTicket(s.client, input.ticketId, msg.callTicket, {
      actor: b!.actor,
      agentId: b!.id,
      deskId: org.deskIds[1]!,
    });
    await updateTicket(s.client, input.ticketId, msg.attendTicket, { actor: b!.actor });
    await new Promise((r) => setTimeout(r, 1500));
    expect((await row(input.ticketId)).status).toBe('attending');
    await updateTicket(s.client, input.ticketId, msg.finishTicket, { actor: b!.actor });
  });
});

describe('H6/A2 appointments', () => {
  it('stays scheduled until its check-in window, is confirmed with a notification, then queues with appointment priority', async () => {
    const [a] = org.agents;
    await s.db('service_assignments').insert({ user_id: a!.id, service_id: org.services[0]!.id, kind: 'main' });
    const input = ticketInput(org, {
      kind: 'appointment',
      scheduledAt: new Date(Date.now() + 2500).toISOString(),
      newCustomer: { firstName: 'Luz Marina', lastName: 'Castaño', idNumber: '43555666' },
    });
    const created = await startTicket(s.client, s.taskQueue, input);
    expect(created.status).toBe('scheduled');
    const confirmed = await updateTicket(s.client, input.ticketId, msg.confirmAppointment, {
      actor: { type: 'customer', name: 'Luz Marina' },
    });
    expect(confirmed.status).toBe('scheduled');
    const notes = await s.db('notifications').where({ user_id: a!.id, type: 'appointment_confirmed' });
    expect(notes).toHaveLength(1);
    expect(notes[0].data).toMatchObject({ ticketId: input.ticketId });
    const queued = await waitFor(
      () => row(input.ticketId),
      (r) => r.status === 'waiting',
    );
    expect(queued.priority).toBe(1);
    const appt = await s.db('appointments').where({ id: queued.appointment_id }).first();
    expect(appt.status).toBe('checked_in');
    const last = await s.db('ticket_events').where({ ticket_id: input.ticketId }).orderBy('seq', 'desc').first();
    expect(last).toMatchObject({ type: 'queued', actor_type: 'system', to_status: 'waiting' });
  });

  it('an early check-in queues it at once', async () => {
    const input = ticketInput(org, {
      kind: 'appointment',
      scheduledAt: new Date(Date.now() + 3600_000).toISOString(),
      newCustomer: { firstName: 'Jorge' },
    });
    await startTicket(s.client, s.taskQueue, input);
    const v = await updateTicket(s.client, input.ticketId, msg.checkIn, { actor: { type: 'customer' } });
    expect(v).toMatchObject({ status: 'waiting', priority: 1 });
  });

  it('issue 16: a service that waits for the check-in keeps the appointment out of the queue past its window; served, the appointment says so', async () => {
    const input = ticketInput(org, {
      serviceId: org.services[1]!.id,
      kind: 'appointment',
      scheduledAt: new Date(Date.now() + 1000).toISOString(),
      newCustomer: { firstName: 'Rocío' },
    });
    expect((await startTicket(s.client, s.taskQueue, input)).status).toBe('scheduled');
    await new Promise((r) => setTimeout(r, 3000)); // its window (0 min) opened 2 s ago
    expect((await row(input.ticketId)).status).toBe('scheduled');
    const v = await updateTicket(s.client, input.ticketId, msg.checkIn, { actor: { type: 'customer' } });
    expect(v.status).toBe('waiting');
    const [a] = org.agents;
    const actor = org.supervisor;
    await updateTicket(s.client, input.ticketId, msg.callTicket, { actor, agentId: a!.id, deskId: org.deskIds[0]! });
    await updateTicket(s.client, input.ticketId, msg.attendTicket, { actor });
    await updateTicket(s.client, input.ticketId, msg.finishTicket, { actor });
    const t = await row(input.ticketId);
    expect((await s.db('appointments').where({ id: t.appointment_id }).first('status')).status).toBe('served');
  });
});
