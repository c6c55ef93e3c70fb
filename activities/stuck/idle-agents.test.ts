// The sweeper's guard for dispatch: should a ticket's offer be lost, the customer is not left
// waiting beside a free agent. Here the offer is dropped on purpose (the worker's registration
// and ticketEffect offer nothing), so only the sweeper's pass can get the ticket called.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../platform/logger.js';
import { createActivities } from '../../runtime/worker-factory.js';
import { createTestStack, type TestStack } from '../../tests/support/stack.js';
import { createOrg, ticketInput, type Org } from '../../tests/support/fixtures.js';
import { until } from '../../tests/support/until.js';
import { openOnlineShift } from '../../tests/support/shifts.js';
import { startTicket } from '../../workflows/tickets/client.js';
import { nudgeIdleAgents } from './idle-agents.js';

let s: TestStack;
let org: Org;
const log = createLogger('test-idle-agents', 'silent');

beforeAll(async () => {
  s = await createTestStack();
  org = await createOrg(s.db, { agents: 2 });
  await s
    .db('service_assignments')
    .insert({ user_id: org.agents[0]!.id, service_id: org.services[0]!.id, kind: 'main' });
  const real = createActivities({ db: s.db, temporal: s.client, taskQueue: s.taskQueue });
  await s.startWorker({
    ...real,
    // The lost offer: a ticket that starts waiting wakes nobody, whether it offers itself from
    // its registration (issue 15) or from a later step.
    registerTicket: (input, plan) => real.registerTicket(input, { ...plan, offer: false }),
    ticketEffect: async (e) => (e.kind === 'waiting' ? undefined : real.ticketEffect(e)),
  });
}, 120_000);
afterAll(() => s?.close());

const openShift = (i: number) => openOnlineShift(s, org, i);

describe('the sweeper, for a customer left waiting beside a free agent', () => {
  it('wakes the free agent who may serve them once they have waited past the grace, and nobody before', async () => {
    await openShift(0);
    await openShift(1); // free too, but serves nothing this ticket needs
    const t = await startTicket(s.client, s.taskQueue, ticketInput(org, { serviceId: org.services[0]!.id }));
    await new Promise((r) => setTimeout(r, 1000));
    expect(await s.db('tickets').where({ id: t.id }).first('status')).toEqual({ status: 'waiting' });

    // Within the grace nobody is woken.
    expect(await nudgeIdleAgents({ db: s.db, temporal: s.client, log }, 60_000)).toBe(0);
    expect(await nudgeIdleAgents({ db: s.db, temporal: s.client, log }, 0)).toBe(1);
    const called = await until(
      'the left ticket to be called',
      async () => (await s.db('tickets').where({ id: t.id, status: 'calling' }).first()) ?? undefined,
    );
    expect(called.agent_id).toBe(org.agents[0]!.id);
    // Once called, nothing is left to wake anyone for.
    expect(await nudgeIdleAgents({ db: s.db, temporal: s.client, log }, 0)).toBe(0);
  });
});
