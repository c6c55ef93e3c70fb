// Issue 15: finishing an attention and claiming the agent's next customer are one database
// transaction; the shift then only calls what was reserved. And a reservation the agent will not
// serve (a break chosen while the finish was on its way) is offered on, never left stranded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivities } from '../../runtime/worker-factory.js';
import { createTestStack, type TestStack } from '../../tests/support/stack.js';
import { createOrg, ticketInput, type Org } from '../../tests/support/fixtures.js';
import { startTicket, updateTicket } from '../../workflows/tickets/client.js';
import { updateShiftWith } from '../../workflows/shifts/client.js';
import { until } from '../../tests/support/until.js';
import { openOnlineShift } from '../../tests/support/shifts.js';
import { attendTicket, finishTicket } from '../../domain/ticket-messages.js';
import { setNextState } from '../../domain/shift-messages.js';
import { DISPATCH_ACTOR } from '../../domain/shift-messages.js';

let s: TestStack;
let org: Org;
type Activities = ReturnType<typeof createActivities>;
/** Gates a test may put in front of one shift's dispatch, or of the news that an attention ended. */
const dispatchGate = new Map<string, Promise<void>>();
const endedGate = new Map<string, Promise<void>>();
const dispatchesOf = new Map<string, number>();
const gate = () => {
  let open: () => void = () => undefined;
  const closed = new Promise<void>((r) => (open = r));
  return { closed, open };
};

beforeAll(async () => {
  s = await createTestStack();
  org = await createOrg(s.db, { agents: 2 });
  await s
    .db('service_assignments')
    .insert(org.agents.map((ag) => ({ user_id: ag.id, service_id: org.services[0]!.id, kind: 'main' })));
  const real: Activities = createActivities({ db: s.db, temporal: s.client, taskQueue: s.taskQueue });
  await s.startWorker({
    ...real,
    dispatchAgent: async (a) => {
      dispatchesOf.set(a.shiftId, (dispatchesOf.get(a.shiftId) ?? 0) + 1);
      await dispatchGate.get(a.shiftId);
      return real.dispatchAgent(a);
    },
    ticketEffect: async (e) => {
      if (e.kind === 'ended') await endedGate.get(e.ticketId);
      return real.ticketEffect(e);
    },
  });
}, 120_000);
afterAll(() => s?.close());

const agentActor = (i: number) => org.agents[i]!.actor;
const newTicket = () => startTicket(s.client, s.taskQueue, ticketInput(org, { serviceId: org.services[0]!.id }));
const calledTo = (ticketId: string, agentId: number) =>
  until(
    'the ticket to be called',
    async () =>
      (await s.db('tickets').where({ id: ticketId, status: 'calling', agent_id: agentId }).first()) ?? undefined,
  );
const shiftRow = (shiftId: string) => s.db('shifts').where({ id: shiftId }).first();

describe('finishing an attention', () => {
  it("claims the agent's next customer in the finishing transaction; the shift then calls it once", async () => {
    const shiftId = await openOnlineShift(s, org, 0);
    const first = await newTicket();
    await calledTo(first.id, org.agents[0]!.id);
    await updateTicket(s.client, first.id, attendTicket, { actor: agentActor(0) });
    const next = await newTicket();
    expect(next.status).toBe('waiting');

    // The shift's own dispatch is held: whatever reserves the next customer now is the finish.
    const held = gate();
    dispatchGate.set(shiftId, held.closed);
    try {
      await updateTicket(s.client, first.id, finishTicket, { actor: agentActor(0) });
      // Committed with the finish, before its Update answered — the old code left the shift empty
      // here until its dispatch ran.
      expect((await shiftRow(shiftId)).current_ticket_id).toBe(next.id);
      expect((await s.db('tickets').where({ id: next.id }).first()).status).toBe('waiting');
    } finally {
      dispatchGate.delete(shiftId);
      held.open();
    }
    await calledTo(next.id, org.agents[0]!.id);
    const calls = await s.db('ticket_events').where({ ticket_id: next.id, type: 'called' });
    expect(calls).toHaveLength(1);
    expect(calls[0].actor_name).toBe(DISPATCH_ACTOR.name);

    await updateTicket(s.client, next.id, attendTicket, { actor: agentActor(0) });
    const { last_step_seq: before } = await shiftRow(shiftId);
    const dispatched = dispatchesOf.get(shiftId);
    await updateTicket(s.client, next.id, finishTicket, { actor: agentActor(0) });
    // Nobody waits: nothing is reserved, the agent is free…
    expect((await shiftRow(shiftId)).current_ticket_id).toBeNull();
    // …and once the shift has the news, it runs no dispatch that could only find nothing.
    await until('the shift to record the end', async () =>
      (await shiftRow(shiftId)).last_step_seq > before ? true : undefined,
    );
    await new Promise((r) => setTimeout(r, 1000));
    expect(dispatchesOf.get(shiftId)).toBe(dispatched);
  });

  it('a reservation the agent will not serve (a break chosen meanwhile) goes to another agent', async () => {
    const shiftId = (await s.db('shifts').where({ user_id: org.agents[0]!.id }).whereNull('ended_at').first()).id;
    const mine = await newTicket();
    await calledTo(mine.id, org.agents[0]!.id);
    await updateTicket(s.client, mine.id, attendTicket, { actor: agentActor(0) });
    const next = await newTicket();

    // The shift hears of the end only once the agent has asked for a break after this customer.
    const news = gate();
    endedGate.set(mine.id, news.closed);
    const finished = updateTicket(s.client, mine.id, finishTicket, { actor: agentActor(0) });
    await until('the next customer to be reserved by the finish', async () =>
      (await shiftRow(shiftId)).current_ticket_id === next.id ? true : undefined,
    );
    await updateShiftWith(s.client, (await shiftRow(shiftId)).workflow_id, setNextState, { nextState: 'resting' });
    endedGate.delete(mine.id);
    news.open();
    await finished;

    await until('the agent to be on the break, holding nothing', async () => {
      const r = await shiftRow(shiftId);
      return r.state === 'resting' && r.current_ticket_id === null ? r : undefined;
    });
    expect((await s.db('tickets').where({ id: next.id }).first()).status).toBe('waiting');
    // The next agent to come Online is offered it and calls it.
    await openOnlineShift(s, org, 1);
    await calledTo(next.id, org.agents[1]!.id);
  });
});
