// G1: the ticket lifecycle on the real Temporal dev server and real PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as msg from '../../domain/ticket-messages.js';
import { DomainError } from '../../domain/errors.js';
import { startTicket, updateTicket } from '../../api/tickets/workflow-client.js';
import { createTestStack, type TestStack } from '../../tests/support/stack.js';
import { createOrg, ticketInput, type Org } from '../../tests/support/fixtures.js';

let s: TestStack;
let org: Org;
beforeAll(async () => {
  s = await createTestStack();
  await s.startWorker();
  org = await createOrg(s.db, { agents: 3 });
});
afterAll(() => s?.close());

const events = (db: TestStack['db'], id: string) => db('ticket_events').where({ ticket_id: id }).orderBy('seq').select('seq', 'type', 'from_status', 'to_status', 'actor_type', 'actor_id');

describe('G1 ticket workflow', () => {
  it('records the ticket, its number and its first timeline event through an activity', async () => {
    const input = ticketInput(org);
    const view = await startTicket(s.client, s.taskQueue, input);
    expect(view).toMatchObject({ id: input.ticketId, status: 'waiting', number: 'A-001', kind: 'turn' });
    const row = await s.db('tickets').where({ id: input.ticketId }).first();
    expect(row).toMatchObject({ status: 'waiting', number: 'A-001', workflow_id: `ticket-${input.ticketId}` });
    expect(await events(s.db, input.ticketId)).toEqual([{ seq: 1, type: 'created', from_status: null, to_status: 'waiting', actor_type: 'customer', actor_id: null }]);
  });

  it('C2–C6: call, recall, attend, topics, note, finish — each step once in the timeline with its actor', async () => {
    const input = ticketInput(org);
    await startTicket(s.client, s.taskQueue, input);
    const [agent] = org.agents;
    const svc = org.services[0]!;
    await updateTicket(s.client, input.ticketId, msg.callTicket, { actor: agent!.actor, agentId: agent!.id, deskId: org.deskIds[0]! });
    const recalled = await updateTicket(s.client, input.ticketId, msg.recallTicket, { actor: agent!.actor });
    expect(recalled.recallCount).toBe(1);
    await updateTicket(s.client, input.ticketId, msg.attendTicket, { actor: agent!.actor });
    await updateTicket(s.client, input.ticketId, msg.setTopics, { actor: agent!.actor, topicIds: [svc.topicIds[0]!] });
    await updateTicket(s.client, input.ticketId, msg.addNote, { actor: agent!.actor, text: 'Cliente pide extracto' });
    const done = await updateTicket(s.client, input.ticketId, msg.finishTicket, { actor: agent!.actor });
    expect(done).toMatchObject({ status: 'finished', topicIds: [svc.topicIds[0]] });
    expect((await events(s.db, input.ticketId)).map((e) => [e.seq, e.type, e.to_status])).toEqual([
      [1, 'created', 'waiting'], [2, 'called', 'calling'], [3, 'recalled', 'calling'], [4, 'attending', 'attending'],
      [5, 'topics', 'attending'], [6, 'note', 'attending'], [7, 'finished', 'finished'],
    ]);
    const row = await s.db('tickets').where({ id: input.ticketId }).first();
    expect(row).toMatchObject({ status: 'finished', agent_id: agent!.id, recall_count: 1 });
    expect(row.ended_at).toBeInstanceOf(Date);
  });

  it('rejects an illegal step with a reason and writes nothing', async () => {
    const input = ticketInput(org);
    await startTicket(s.client, s.taskQueue, input);
    const err = await updateTicket(s.client, input.ticketId, msg.finishTicket, { actor: org.supervisor }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe('IllegalTransition');
    expect((err as DomainError).message).toMatch(/Cannot finish ticket A-\d{3}: it is waiting/);
    expect(await events(s.db, input.ticketId)).toHaveLength(1);
  });
});
