// Issue 20: "N ahead of you" and "you are next", each once per stay in the queue, on a real SMTP
// receiver — and only for customers who can be told.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as msg from '../../domain/ticket-messages.js';
import { startTicket, updateTicket } from '../../workflows/tickets/client.js';
import { createActivities } from '../../runtime/worker-factory.js';
import { createLogger } from '../../platform/logger.js';
import { createTestStack, type TestStack } from '../../tests/support/stack.js';
import { createOrg, ticketInput, type Org } from '../../tests/support/fixtures.js';
import { bodyOf, createTestMailbox, type TestMailbox } from '../../tests/support/mail.js';
import { tellPositions } from './positions.js';

let s: TestStack;
let org: Org;
let mail: TestMailbox;

beforeAll(async () => {
  s = await createTestStack();
  mail = await createTestMailbox();
  await s.startWorker(
    createActivities({ db: s.db, temporal: s.client, taskQueue: s.taskQueue, messaging: mail.messaging() }),
  );
  org = await createOrg(s.db, { agents: 1 });
  await s.db('services').where({ id: org.services[0]!.id }).update({ notify_ahead: 2 });
});
afterAll(async () => {
  await s?.close();
  await mail?.close();
});

async function until<T>(what: string, fn: () => Promise<T | undefined | false> | T | undefined | false): Promise<T> {
  const end = Date.now() + 20_000;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const tell = () => tellPositions({ db: s.db, temporal: s.client, log: createLogger('test', 'silent') });

describe('issue 20: N ahead of you, you are next', () => {
  it('tells the customer once within the threshold and once when next; nobody else is signalled', async () => {
    const others = [];
    for (let i = 0; i < 3; i++) {
      const input = ticketInput(org);
      await startTicket(s.client, s.taskQueue, input);
      others.push(input.ticketId);
    }
    const [customerId] = (
      await s
        .db('customers')
        .insert({ entity_id: org.entityId, first_name: 'Ana', email: 'ana.position@example.test', notify_email: true })
        .returning('id')
    ).map((r: { id: number }) => r.id);
    const mine = ticketInput(org, { customerId });
    await startTicket(s.client, s.taskQueue, mine);
    await until('issued', () => mail.ofKind('issued').length === 1);

    expect(await tell()).toBe(0); // 3 ahead, threshold 2
    await updateTicket(s.client, others[0]!, msg.cancelTicket, { actor: org.supervisor });
    expect(await tell()).toBe(1); // 2 ahead
    const ahead = await until('ahead', () => mail.ofKind('ahead')[0]);
    expect(bodyOf(ahead)).toContain('hay 2 personas antes que usted');
    await until('ahead recorded', async () => (await s.db('messages').where({ kind: 'ahead', status: 'sent' })).length);
    await updateTicket(s.client, others[1]!, msg.cancelTicket, { actor: org.supervisor });
    expect(await tell()).toBe(0); // 1 ahead: "ahead" was said for this stay
    await updateTicket(s.client, others[2]!, msg.cancelTicket, { actor: org.supervisor });
    expect(await tell()).toBe(1); // next
    await until('next', () => mail.ofKind('next').length === 1);
    await until('next recorded', async () => (await s.db('messages').where({ kind: 'next', status: 'sent' })).length);
    expect(await tell()).toBe(0);
    // A signal repeated before the message is recorded is still one message (the workflow remembers).
    const occasion = (await s.db('messages').where({ kind: 'next' }).first()).occasion;
    await s.client.workflow.getHandle(`ticket-${mine.ticketId}`).signal('positionReached', { ahead: 0, occasion });
    await updateTicket(s.client, mine.ticketId, msg.cancelTicket, { actor: org.supervisor });
    await s.client.workflow.getHandle(`ticket-${mine.ticketId}`).result(); // its sends are done before its run ends
    expect(mail.ofKind('ahead')).toHaveLength(1);
    expect(mail.ofKind('next')).toHaveLength(1);
    // The three tickets without a customer were never signalled.
    for (const id of others) {
      const history = await s.client.workflow.getHandle(`ticket-${id}`).fetchHistory();
      expect((history.events ?? []).filter((e) => e.workflowExecutionSignaledEventAttributes)).toEqual([]);
    }
  });
});
