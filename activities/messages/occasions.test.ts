// Issue 20: the two messages of a call that did not go as planned, on a real SMTP receiver, sent
// by the real ticket workflow on real Temporal and PostgreSQL. A virtual ticket is sent the video
// link once when called, and the link is the call's guest link (the guest route lets her in); a
// customer who misses her call (the call time-out requeues her) or whom the agent requeues is
// asked to come back once per occasion.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as msg from '../../domain/ticket-messages.js';
import { startTicket, updateTicket } from '../../workflows/tickets/client.js';
import { createActivities } from '../../runtime/worker-factory.js';
import { joinAsGuest } from '../../api/video/rooms.js';
import { guestTokenOf, hashGuestToken } from '../../sfu/join-token.js';
import { createTestStack, type TestStack } from '../../tests/support/stack.js';
import { createOrg, ticketInput, type Org } from '../../tests/support/fixtures.js';
import { bodyOf, createTestMailbox, TEST_SECRET, type TestMailbox } from '../../tests/support/mail.js';

let s: TestStack;
let org: Org;
let mail: TestMailbox;

beforeAll(async () => {
  s = await createTestStack();
  mail = await createTestMailbox();
  await s.startWorker(
    createActivities({ db: s.db, temporal: s.client, taskQueue: s.taskQueue, messaging: mail.messaging() }),
  );
  // Service A's call times out after 2 s and requeues once; B keeps the usual 300 s.
  org = await createOrg(s.db, {
    agents: 1,
    services: [{ label: 'A', callTimeoutSeconds: 2, maxAutoRequeues: 1 }, { label: 'B' }],
  });
});
afterAll(async () => {
  await s?.close();
  await mail?.close();
});

async function until<T>(what: string, fn: () => Promise<T | undefined | false>, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const customer = async (email: string) =>
  (
    await s
      .db('customers')
      .insert({ entity_id: org.entityId, first_name: 'Inés', email, notify_email: true })
      .returning('id')
  )[0].id as number;
const to = (kind: string, email: string) => mail.ofKind(kind).filter((m) => m.to[0] === email);
const settle = () => new Promise((r) => setTimeout(r, 1500));

describe('issue 20: the video link and "please return", each once per occasion', () => {
  it('a virtual ticket gets its video link once when called, and the link is the call guest link', async () => {
    const email = 'ines.video@example.test';
    const input = ticketInput(org, {
      kind: 'virtual',
      serviceId: org.services[1]!.id,
      customerId: await customer(email),
    });
    await startTicket(s.client, s.taskQueue, input);
    const [agent] = org.agents;
    await updateTicket(s.client, input.ticketId, msg.callTicket, {
      actor: agent!.actor,
      agentId: agent!.id,
      deskId: org.deskIds[0]!,
    });
    const sent = await until('video_link', async () => to('video_link', email)[0]);
    await updateTicket(s.client, input.ticketId, msg.attendTicket, { actor: agent!.actor });
    await settle();
    expect(to('video_link', email)).toHaveLength(1);
    expect(to('called', email)).toEqual([]); // the desk message is not for a video call

    const link = /http:\/\/localhost:3000\/join\/([A-Za-z0-9_-]+)/.exec(bodyOf(sent));
    expect(link, bodyOf(sent)).not.toBeNull();
    const room = await s.db('video_rooms').where({ ticket_id: input.ticketId }).first('id', 'guest_token_hash');
    // The very link the agent's console hands out for this room, recorded so the guest route finds it…
    expect(link![1]).toBe(guestTokenOf(TEST_SECRET, room.id));
    expect(room.guest_token_hash).toBe(hashGuestToken(link![1]!));
    // …and the guest route lets her into this room, for this ticket.
    const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ventanilla-occasions-'));
    const grant = await joinAsGuest(
      s.db,
      { secret: TEST_SECRET, filesDir, sfuUrl: 'ws://127.0.0.1:1', publicUrl: 'http://localhost:3000' },
      link![1]!,
    );
    expect(grant).toMatchObject({ roomId: room.id, ticket: { id: input.ticketId } });
    await updateTicket(s.client, input.ticketId, msg.finishTicket, { actor: agent!.actor });
  });

  it('a missed call (time-out) and a requeue by the agent each ask her to come back, once', async () => {
    const email = 'ines.return@example.test';
    const input = ticketInput(org, { customerId: await customer(email) });
    await startTicket(s.client, s.taskQueue, input);
    const [agent] = org.agents;
    const call = () =>
      updateTicket(s.client, input.ticketId, msg.callTicket, {
        actor: agent!.actor,
        agentId: agent!.id,
        deskId: org.deskIds[0]!,
      });
    // She is called and does not come: the call times out and requeues her.
    await call();
    const first = await until('please_return after the time-out', async () => to('please_return', email)[0]);
    const requeued = await s.db('ticket_events').where({ ticket_id: input.ticketId, type: 'requeued' });
    expect(requeued).toHaveLength(1);
    expect(requeued[0].details).toMatchObject({ reason: 'no_answer' });
    await settle();
    expect(to('please_return', email)).toHaveLength(1);
    expect(bodyOf(first)).toMatch(/http:\/\/localhost:3000\/status\/[A-Za-z0-9_-]{43}/);

    // Called again, the agent requeues her by hand before the time-out: a second occasion.
    await call();
    await updateTicket(s.client, input.ticketId, msg.requeueTicket, { actor: agent!.actor });
    await until('a second please_return', async () => to('please_return', email).length === 2);
    await settle();
    expect(to('please_return', email)).toHaveLength(2);
    const rows = await s.db('messages').where({ ticket_id: input.ticketId, kind: 'please_return' }).orderBy('id');
    expect(rows.map((r) => r.status)).toEqual(['sent', 'sent']);
    const occasions = (
      await s.db('ticket_events').where({ ticket_id: input.ticketId, type: 'requeued' }).orderBy('seq')
    ).map((e) => e.seq);
    expect(rows.map((r) => r.occasion)).toEqual(occasions);
    await updateTicket(s.client, input.ticketId, msg.cancelTicket, { actor: org.supervisor });
  });
});
