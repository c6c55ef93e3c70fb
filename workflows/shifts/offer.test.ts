// Issue 15, "one owner of what the agent serves": a ticket that starts waiting only wakes the
// free shifts that may serve it; each shift runs its own dispatch. The race this closes: a shift
// mid-dispatch (its row locked, its claim already past) while a ticket starts waiting. The old
// offer skipped the locked shift and the dispatch had looked too early, so the ticket waited
// with a free agent beside it (the intermittent failure of the stuck-work release test).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shiftWorkflowId } from '../../domain/agents.js';
import { createActivities } from '../../runtime/worker-factory.js';
import { createTestStack, type TestStack } from '../../tests/support/stack.js';
import { createOrg, ticketInput, type Org } from '../../tests/support/fixtures.js';
import { startTicket } from '../tickets/client.js';
import { startShiftWorkflow } from './client.js';

let s: TestStack;
let org: Org;
/** The first dispatch of the shift holds its row lock until released, and finds nobody. */
let release: () => void = () => undefined;
let firstDispatchHeld: Promise<void>;
let dispatches = 0;

beforeAll(async () => {
  s = await createTestStack();
  org = await createOrg(s.db, { agents: 1 });
  await s
    .db('service_assignments')
    .insert({ user_id: org.agents[0]!.id, service_id: org.services[0]!.id, kind: 'main' });
  const real = createActivities({ db: s.db, temporal: s.client, taskQueue: s.taskQueue });
  let held: () => void = () => undefined;
  firstDispatchHeld = new Promise((r) => (held = r));
  await s.startWorker({
    ...real,
    dispatchAgent: async (a) => {
      dispatches += 1;
      if (dispatches > 1) return real.dispatchAgent(a);
      // A claim that ran just before the ticket was stored: the row stays locked a while, then nothing.
      await s.db.transaction(async (trx) => {
        await trx('shifts').where({ id: a.shiftId }).forUpdate().first();
        held();
        await new Promise<void>((r) => (release = r));
      });
      return { ticketId: null, number: null };
    },
  });
}, 120_000);
afterAll(() => s?.close());

const until = async <T>(what: string, fn: () => Promise<T | undefined>, ms = 20_000): Promise<T> => {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

describe('a ticket offered while the shift is dispatching', () => {
  it('is called once that dispatch ends empty-handed: the offer is never lost', async () => {
    const agent = org.agents[0]!;
    const shiftId = randomUUID();
    await s.db('shifts').insert({
      id: shiftId,
      user_id: agent.id,
      branch_id: org.branchId,
      desk_id: org.deskIds[0],
      state: 'offline',
      state_since: new Date(),
      started_at: new Date(),
      workflow_id: shiftWorkflowId(agent.id, shiftId),
    });
    await startShiftWorkflow(s.client, s.taskQueue, {
      shiftId,
      userId: agent.id,
      entityId: org.entityId,
      branchId: org.branchId,
      deskId: org.deskIds[0]!,
      initialState: 'online',
    });
    await firstDispatchHeld; // becoming Online dispatched; its claim is "done", its lock still held

    const t = await startTicket(s.client, s.taskQueue, ticketInput(org, { serviceId: org.services[0]!.id }));
    expect(t.status).toBe('waiting');
    // Give the ticket's offer time to arrive while the first dispatch still runs.
    await new Promise((r) => setTimeout(r, 1000));
    release();

    const called = await until(
      'the offered ticket to be called',
      async () =>
        (await s.db('tickets').where({ id: t.id, status: 'calling', agent_id: agent.id }).first()) ?? undefined,
    );
    expect(called.agent_id).toBe(agent.id);
    expect(dispatches).toBeGreaterThanOrEqual(2);
  });
});
