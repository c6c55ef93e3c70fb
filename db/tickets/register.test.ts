// Two attempts of registerTicket can overlap (the first outlives its time-out under load, as in
// the kill -9 temporal fault run): both must answer with the same ticket, never a duplicate-key
// refusal that fails the workflow while the first attempt's row stays behind.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrg, ticketInput, type Org } from '../../tests/support/fixtures.js';
import { createTestStack, type TestStack } from '../../tests/support/stack.js';
import { registerTicket } from './register.js';

let s: TestStack;
let org: Org;
beforeAll(async () => {
  s = await createTestStack();
  org = await createOrg(s.db);
});
afterAll(() => s?.close());

describe('registerTicket', () => {
  it('two overlapping attempts for one ticket both resolve to the same ticket', async () => {
    for (let round = 0; round < 10; round++) {
      const input = ticketInput(org);
      const at = new Date().toISOString();
      const [a, b] = await Promise.all([registerTicket(s.db, input, { at }), registerTicket(s.db, input, { at })]);
      expect(a.view).toEqual(b.view);
      expect(await s.db('tickets').where({ id: input.ticketId }).count({ n: '*' })).toEqual([{ n: 1 }]);
    }
  });

  it('issue 16: an appointment for tomorrow is numbered and counted on its own day, not on the day it was booked', async () => {
    const o = await createOrg(s.db);
    const now = new Date().toISOString();
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
    const dayOf = async (at: string): Promise<string> =>
      (
        await s.db.raw(`select (?::timestamptz at time zone timezone)::date::text as d from branches where id = ?`, [
          at,
          o.branchId,
        ])
      ).rows[0].d;
    const row = (id: string) => s.db('tickets').where({ id }).first('service_day', 'seq', 'number', 'status');
    const booked = ticketInput(o, { kind: 'appointment', scheduledAt: tomorrow, newCustomer: { firstName: 'Inés' } });
    await registerTicket(s.db, booked, { at: now });
    const walkIn = ticketInput(o);
    await registerTicket(s.db, walkIn, { at: now });
    const tomorrowsWalkIn = ticketInput(o);
    await registerTicket(s.db, tomorrowsWalkIn, { at: tomorrow });

    expect(await row(booked.ticketId)).toMatchObject({ service_day: await dayOf(tomorrow), seq: 1, number: 'A-001' });
    expect(await row(walkIn.ticketId)).toMatchObject({ service_day: await dayOf(now), seq: 1, number: 'A-001' });
    // Tomorrow's first walk-in follows the appointment instead of taking its number.
    expect(await row(tomorrowsWalkIn.ticketId)).toMatchObject({
      service_day: await dayOf(tomorrow),
      seq: 2,
      number: 'A-002',
    });
  });
});
