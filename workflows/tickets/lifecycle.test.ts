// G1: the ticket lifecycle on the real Temporal dev server and real PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as msg from '../../domain/ticket-messages.js';
import { DomainError } from '../../domain/errors.js';
import { startTicket, updateTicket } from './client.js';
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

const events = (db: TestStack['db'], id: string) =>
  db('ticket_events')
    .where({ ticket_id: id })
    .orderBy('seq')
    .select('seq', 'type', 'from_status', 'to_status', 'actor_type', 'actor_id');

describe('G1 ticket workflow', () => {
  it('records the ticket, its number and its first timeline event through an activity', async () => {
    const input = ticketInput(org);
    const view = await startTicket(s.client, s.taskQueue, input);
    expect(view).toMatchObject({ id: input.ticketId, status: 'waiting', number: 'A-001', kind: 'turn' });
    const row = await s.db('tickets').where({ id: input.ticketId }).first();
    expect(row).toMatchObject({ status: 'waiting', number: 'A-001', workflow_id: `ticket-${input.ticketId}` });
    expect(await events(s.db, input.ticketId)).toEqual([
      { seq: 1, type: 'created', from_status: null, to_status: 'waiting', actor_type: 'customer', actor_id: null },
    ]);
  });

  it('C2–C6: call, recall, attend, topics, note, finish — each step once in the timeline with its actor', async () => {
    const input = ticketInput(org);
    await startTicket(s.client, s.taskQueue, input);
    const [agent] = org.agents;
    const svc = org.services[0]!;
    await updateTicket(s.client, input.ticketId, msg.callTicket, {
      actor: agent!.actor,
      agentId: agent!.id,
      deskId: org.deskIds[0]!,
    });
    const recalled = await updateTicket(s.client, input.ticketId, msg.recallTicket, { actor: agent!.actor });
    expect(recalled.recallCount).toBe(1);
    await updateTicket(s.client, input.ticketId, msg.attendTicket, { actor: agent!.actor });
    await updateTicket(s.client, input.ticketId, msg.setTopics, { actor: agent!.actor, topicIds: [svc.topicIds[0]!] });
    await updateTicket(s.client, input.ticketId, msg.addNote, { actor: agent!.actor, text: 'Cliente pide extracto' });
    const done = await updateTicket(s.client, input.ticketId, msg.finishTicket, { actor: agent!.actor });
    expect(done).toMatchObject({ status: 'finished', topicIds: [svc.topicIds[0]] });
    expect((await events(s.db, input.ticketId)).map((e) => [e.seq, e.type, e.to_status])).toEqual([
      [1, 'created', 'waiting'],
      [2, 'called', 'calling'],
      [3, 'recalled', 'calling'],
      [4, 'attending', 'attending'],
      [5, 'topics', 'attending'],
      [6, 'note', 'attending'],
      [7, 'finished', 'finished'],
    ]);
    const row = await s.db('tickets').where({ id: input.ticketId }).first();
    expect(row).toMatchObject({ status: 'finished', agent_id: agent!.id, recall_count: 1 });
    expect(row.ended_at).toBeInstanceOf(Date);
  });

  it('rejects an illegal step with a reason and writes nothing', async () => {
    const input = ticketInput(org);
    await startTicket(s.client, s.taskQueue, input);
    const err = await updateTicket(s.client, input.ticketId, msg.finishTicket, { actor: org.supervisor }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe('TicketNotInStatus');
    expect((err as DomainError).params).toMatchObject({ action: 'finish', status: 'waiting' });
    expect(await events(s.db, input.ticketId)).toHaveLength(1);
  });
});

describe('B7/C5/D2/D4 transfer, customer edit, cancel', () => {
  it('transfer to another service and agent keeps arrival time and frees the desk', async () => {
    const input = ticketInput(org);
    const created = await startTicket(s.client, s.taskQueue, input);
    const [a, b] = org.agents;
    await updateTicket(s.client, input.ticketId, msg.callTicket, {
      actor: a!.actor,
      agentId: a!.id,
      deskId: org.deskIds[0]!,
    });
    await updateTicket(s.client, input.ticketId, msg.attendTicket, { actor: a!.actor });
    const moved = await updateTicket(s.client, input.ticketId, msg.transferTicket, {
      actor: a!.actor,
      serviceId: org.services[1]!.id,
      agentId: b!.id,
      reason: 'Crédito',
    });
    expect(moved).toMatchObject({
      status: 'waiting',
      serviceId: org.services[1]!.id,
      preferredAgentId: b!.id,
      agentId: null,
      arrivalAt: created.arrivalAt,
    });
    // The target service's topics now apply.
    await updateTicket(s.client, input.ticketId, msg.callTicket, {
      actor: b!.actor,
      agentId: b!.id,
      deskId: org.deskIds[1]!,
    });
    await updateTicket(s.client, input.ticketId, msg.attendTicket, { actor: b!.actor });
    const done = await updateTicket(s.client, input.ticketId, msg.finishTicket, {
      actor: b!.actor,
      topicIds: [org.services[1]!.topicIds[1]!],
    });
    expect(done.topicIds).toEqual([org.services[1]!.topicIds[1]]);
    const transfer = await s.db('ticket_events').where({ ticket_id: input.ticketId, type: 'transferred' }).first();
    expect(transfer.details).toMatchObject({
      fromServiceId: org.services[0]!.id,
      toServiceId: org.services[1]!.id,
      toAgentId: b!.id,
    });
  });

  it('H1: a transferred ticket keeps its number, and the target service keeps numbering without collision', async () => {
    const fresh = await createOrg(s.db);
    const [a, b] = fresh.services;
    const moved = await startTicket(s.client, s.taskQueue, ticketInput(fresh, { serviceId: b!.id }));
    await startTicket(s.client, s.taskQueue, ticketInput(fresh, { serviceId: b!.id })); // B-002
    const second = await startTicket(s.client, s.taskQueue, ticketInput(fresh, { serviceId: b!.id })); // B-003
    await updateTicket(s.client, second.id, msg.transferTicket, { actor: fresh.supervisor, serviceId: a!.id });
    await updateTicket(s.client, moved.id, msg.transferTicket, { actor: fresh.supervisor, serviceId: a!.id });
    const issued = await Promise.all(
      [1, 2, 3].map(() => startTicket(s.client, s.taskQueue, ticketInput(fresh, { serviceId: a!.id }))),
    );
    expect(issued.map((v) => v.number).sort()).toEqual(['A-001', 'A-002', 'A-003']);
    expect((await s.db('tickets').where({ id: second.id }).first()).number).toBe('B-003');
  });

  it('a transfer to a service of another branch is refused and changes nothing', async () => {
    const input = ticketInput(org);
    await startTicket(s.client, s.taskQueue, input);
    const other = await createOrg(s.db);
    const err = await updateTicket(s.client, input.ticketId, msg.transferTicket, {
      actor: org.supervisor,
      serviceId: other.services[0]!.id,
    }).catch((e: unknown) => e);
    expect((err as DomainError).fields).toEqual({ serviceId: { code: 'unknown_reference' } });
    expect((await s.db('tickets').where({ id: input.ticketId }).first()).service_id).toBe(org.services[0]!.id);
  });

  it('C5: editing the customer of a walk-in creates the customer; a second edit updates it', async () => {
    const input = ticketInput(org);
    await startTicket(s.client, s.taskQueue, input);
    const [a] = org.agents;
    await updateTicket(s.client, input.ticketId, msg.callTicket, {
      actor: a!.actor,
      agentId: a!.id,
      deskId: org.deskIds[0]!,
    });
    const v1 = await updateTicket(s.client, input.ticketId, msg.editCustomer, {
      actor: a!.actor,
      customer: { firstName: 'Sofía', lastName: 'Valderrama', idNumber: '1122334455' },
    });
    expect(v1.customerId).not.toBeNull();
    const v2 = await updateTicket(s.client, input.ticketId, msg.editCustomer, {
      actor: a!.actor,
      customer: { phone: '+57 301 555 6677' },
    });
    expect(v2.customerId).toBe(v1.customerId);
    expect(await s.db('customers').where({ id: v1.customerId }).first()).toMatchObject({
      first_name: 'Sofía',
      phone: '+57 301 555 6677',
    });
  });

  it('D2: the agent cancels a called virtual ticket whose customer never joined', async () => {
    await s.db('services').where({ id: org.services[0]!.id }).update({ virtual_enabled: true });
    const input = ticketInput(org, { kind: 'virtual' });
    await startTicket(s.client, s.taskQueue, input);
    const [, b] = org.agents;
    await updateTicket(s.client, input.ticketId, msg.callTicket, {
      actor: b!.actor,
      agentId: b!.id,
      deskId: org.deskIds[1]!,
    });
    const v = await updateTicket(s.client, input.ticketId, msg.cancelTicket, {
      actor: b!.actor,
      reason: 'El cliente no se conectó',
    });
    expect(v.status).toBe('cancelled');
    const err = await updateTicket(s.client, input.ticketId, msg.callTicket, {
      actor: b!.actor,
      agentId: b!.id,
      deskId: org.deskIds[1]!,
    }).catch((e: unknown) => e);
    expect((err as DomainError).code).toBe('TicketEnded'); // the workflow has ended: nothing more can happen to it
  });

  it('two agents calling the same ticket at once: exactly one gets it', async () => {
    const fresh = await createOrg(s.db);
    const input = ticketInput(fresh);
    await startTicket(s.client, s.taskQueue, input);
    const [a, b] = fresh.agents;
    const results = await Promise.allSettled([
      updateTicket(s.client, input.ticketId, msg.callTicket, {
        actor: a!.actor,
        agentId: a!.id,
        deskId: fresh.deskIds[0]!,
      }),
      updateTicket(s.client, input.ticketId, msg.callTicket, {
        actor: b!.actor,
        agentId: b!.id,
        deskId: fresh.deskIds[1]!,
      }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect((rejected.reason as DomainError).kind).toBe('IllegalTransition');
    expect(await s.db('ticket_events').where({ ticket_id: input.ticketId, type: 'called' }).count({ n: '*' })).toEqual([
      { n: 1 },
    ]);
    const holder = (await s.db('tickets').where({ id: input.ticketId }).first()).agent_id;
    await updateTicket(s.client, input.ticketId, msg.cancelTicket, {
      actor: fresh.agents.find((x) => x.id === holder)!.actor,
    });
  });

  it('an agent never holds two open tickets: the database refuses a second call (409)', async () => {
    const fresh = await createOrg(s.db);
    const [a] = fresh.agents;
    const t1 = ticketInput(fresh);
    const t2 = ticketInput(fresh);
    await startTicket(s.client, s.taskQueue, t1);
    await startTicket(s.client, s.taskQueue, t2);
    await updateTicket(s.client, t1.ticketId, msg.callTicket, {
      actor: a!.actor,
      agentId: a!.id,
      deskId: fresh.deskIds[0]!,
    });
    const err = await updateTicket(s.client, t2.ticketId, msg.callTicket, {
      actor: a!.actor,
      agentId: a!.id,
      deskId: fresh.deskIds[0]!,
    }).catch((e: unknown) => e);
    expect((err as DomainError).kind).toBe('Conflict');
    expect((await s.db('tickets').where({ id: t2.ticketId }).first()).status).toBe('waiting');
  });
});
