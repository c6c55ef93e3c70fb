// G1: nothing is lost or written twice — activity retries after a lost acknowledgement, many
// concurrent creations, long tickets (continue-as-new) — on the real stack.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as msg from '../../domain/ticket-messages.js';
import { startTicket, updateTicket } from './client.js';
import { createActivities } from '../../runtime/worker-factory.js';
import { createTestStack, type TestStack } from '../../tests/support/stack.js';
import { createOrg, ticketInput, type Org } from '../../tests/support/fixtures.js';
import { ticketWorkflow } from './workflow.js';

let s: TestStack;
let org: Org;
const injected: string[] = [];
beforeAll(async () => {
  s = await createTestStack();
  // Each write succeeds, then the first attempt "crashes" before acknowledging it, for the
  // registration and for every call and finish step: the retry must find the work done.
  const real = createActivities({ db: s.db });
  const seen = new Set<string>();
  const once = (key: string) => {
    if (seen.has(key)) return false;
    seen.add(key);
    injected.push(key);
    return true;
  };
  await s.startWorker({
    ...real,
    registerTicket: async (input, plan) => {
      const r = await real.registerTicket(input, plan);
      if (input.serviceId === org.services[1]!.id && once(`register:${input.ticketId}`))
        throw new Error('injected: lost ack after register');
      return r;
    },
    applyTicketStep: async (step, effects) => {
      const r = await real.applyTicketStep(step, effects);
      if ((step.type === 'called' || step.type === 'finished') && once(`${step.type}:${step.ticketId}`))
        throw new Error('injected: lost ack after step');
      return r;
    },
  });
  org = await createOrg(s.db, { agents: 2 });
});
afterAll(() => s?.close());

describe('G1 exactly-once timeline', () => {
  it('a retried activity writes each step once and numbers without gaps', async () => {
    const svc = org.services[1]!;
    const first = await startTicket(s.client, s.taskQueue, ticketInput(org, { serviceId: svc.id }));
    const second = await startTicket(s.client, s.taskQueue, ticketInput(org, { serviceId: svc.id }));
    expect([first.number, second.number]).toEqual(['B-001', 'B-002']);
    const [a] = org.agents;
    await updateTicket(s.client, first.id, msg.callTicket, {
      actor: a!.actor,
      agentId: a!.id,
      deskId: org.deskIds[0]!,
    });
    await updateTicket(s.client, first.id, msg.attendTicket, { actor: a!.actor });
    await updateTicket(s.client, first.id, msg.finishTicket, { actor: a!.actor });
    expect(injected).toEqual(
      expect.arrayContaining([`register:${first.id}`, `called:${first.id}`, `finished:${first.id}`]),
    );
    const ev = await s.db('ticket_events').where({ ticket_id: first.id }).orderBy('seq').pluck('type');
    expect(ev).toEqual(['created', 'called', 'attending', 'finished']);
    expect(await s.db('tickets').where({ service_id: svc.id }).count({ n: '*' })).toEqual([{ n: 2 }]);
  });
});

describe('H1 numbering', () => {
  it('50 concurrent creations get A-001…A-050: no gaps, no duplicates', async () => {
    const svc = org.services[0]!;
    const views = await Promise.all(
      Array.from({ length: 50 }, () => startTicket(s.client, s.taskQueue, ticketInput(org, { serviceId: svc.id }))),
    );
    const numbers = views.map((v) => v.number).sort();
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => `A-${String(i + 1).padStart(3, '0')}`));
  });
});

describe('G1 bounded history', () => {
  it('a ticket with many notes and recalls continues as new and keeps its state', async () => {
    const input = ticketInput(org);
    const handle = await s.client.workflow.start(ticketWorkflow, {
      workflowId: `ticket-${input.ticketId}`,
      taskQueue: s.taskQueue,
      args: [{ input, maxHistoryEvents: 100 }],
    });
    await handle.executeUpdate(msg.registered);
    const [, b] = org.agents;
    const actor = b!.actor;
    await updateTicket(s.client, input.ticketId, msg.callTicket, { actor, agentId: b!.id, deskId: org.deskIds[1]! });
    for (let i = 0; i < 40; i++) {
      await updateTicket(s.client, input.ticketId, msg.addNote, { actor, text: `nota ${i}` });
      await updateTicket(s.client, input.ticketId, msg.recallTicket, { actor });
    }
    await updateTicket(s.client, input.ticketId, msg.attendTicket, { actor });
    const done = await updateTicket(s.client, input.ticketId, msg.finishTicket, { actor });
    expect(done).toMatchObject({ status: 'finished', recallCount: 40 });
    const runs = [];
    for await (const w of s.client.workflow.list({ query: `WorkflowId = 'ticket-${input.ticketId}'` }))
      runs.push(w.status.name);
    expect(runs.length).toBeGreaterThan(1); // it did continue as new
    expect(runs.filter((r) => r === 'CONTINUED_AS_NEW').length).toBe(runs.length - 1);
    const seqs = await s.db('ticket_events').where({ ticket_id: input.ticketId }).orderBy('seq').pluck('seq');
    expect(seqs).toEqual(Array.from({ length: 84 }, (_, i) => i + 1));
  });
});
