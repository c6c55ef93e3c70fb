// Issue 16 (H6): an appointment whose customer never checks in does not stay "scheduled" for
// ever. Past its time plus the branch's grace (0 min here, so the test is short) the ticket
// workflow ends it as a no-show by the system; the appointment is missed. The step is a
// ticket_events row, which is what webhooks deliver (ticket.no_show, api/webhooks/outbox.ts).
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
  // Appointments join the queue only at check-in (the default entry).
  org = await createOrg(s.db, { services: [{ label: 'A' }], checkInWindowMinutes: 0, appointmentGraceMinutes: 0 });
});
afterAll(() => s?.close());

const row = (id: string) => s.db('tickets').where({ id }).first();
const appointmentStatus = async (id: number): Promise<string> =>
  (await s.db('appointments').where({ id }).first('status')).status;
const waitForStatus = async (id: string, status: string, ms = 15_000) => {
  const end = Date.now() + ms;
  for (;;) {
    const r = await row(id);
    if (r.status === status) return r;
    if (Date.now() > end) throw new Error(`ticket ${id} is ${r.status}, not ${status}, after ${ms} ms`);
    await new Promise((done) => setTimeout(done, 100));
  }
};

describe('issue 16: a missed appointment', () => {
  it('ends as a no-show by the system, "not checked in", once its grace time is over; the appointment is missed', async () => {
    const input = ticketInput(org, {
      kind: 'appointment',
      scheduledAt: new Date(Date.now() + 1500).toISOString(),
      newCustomer: { firstName: 'Nadia', lastName: 'Nunca Llegó' },
    });
    expect((await startTicket(s.client, s.taskQueue, input)).status).toBe('scheduled');
    const ended = await waitForStatus(input.ticketId, 'no_show');
    expect(ended.ended_at).not.toBeNull();
    expect(await appointmentStatus(ended.appointment_id)).toBe('missed');
    const last = await s.db('ticket_events').where({ ticket_id: input.ticketId }).orderBy('seq', 'desc').first();
    expect(last).toMatchObject({
      type: 'no_show',
      from_status: 'scheduled',
      to_status: 'no_show',
      actor_type: 'system',
      details: { reason: 'not_checked_in' },
    });
    expect(await s.client.workflow.getHandle(`ticket-${input.ticketId}`).result()).toMatchObject({ status: 'no_show' });
  });

  it('a customer who checks in before then is queued, and the timer no longer ends the ticket', async () => {
    const input = ticketInput(org, {
      kind: 'appointment',
      scheduledAt: new Date(Date.now() + 1500).toISOString(),
      newCustomer: { firstName: 'Lucía', lastName: 'A Tiempo' },
    });
    await startTicket(s.client, s.taskQueue, input);
    const queued = await updateTicket(s.client, input.ticketId, msg.checkIn, { actor: { type: 'customer' } });
    expect(queued.status).toBe('waiting');
    await new Promise((done) => setTimeout(done, 3000)); // past its time and grace
    expect((await row(input.ticketId)).status).toBe('waiting');
    await updateTicket(s.client, input.ticketId, msg.cancelTicket, { actor: org.supervisor });
  });
});
