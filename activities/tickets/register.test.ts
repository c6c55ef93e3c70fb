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
});
