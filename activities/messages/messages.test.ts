// Issue 20: a ticket's messages on a real SMTP receiver, sent by its real workflow on real
// Temporal and PostgreSQL — each once, with failures injected before and after the relay accepts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as msg from '../../domain/ticket-messages.js';
import { startTicket, updateTicket } from '../../workflows/tickets/client.js';
import { createActivities } from '../../runtime/worker-factory.js';
import { createTestStack, type TestStack } from '../../tests/support/stack.js';
import { createOrg, ticketInput, type Org } from '../../tests/support/fixtures.js';
import { bodyOf, createTestMailbox, type TestMailbox } from '../../tests/support/mail.js';

let s: TestStack;
let org: Org;
let mail: TestMailbox;
/** Kinds whose next acceptance is followed by a crash before it is recorded. */
const crashAfterAccept = new Set<string>();
let activities: ReturnType<typeof createActivities>;

beforeAll(async () => {
  s = await createTestStack();
  mail = await createTestMailbox();
  activities = createActivities({
    db: s.db,
    temporal: s.client,
    taskQueue: s.taskQueue,
    messaging: mail.messaging({
      afterAccept: (row) => {
        if (crashAfterAccept.delete(row.kind)) throw new Error('worker lost after the relay accepted');
      },
    }),
  });
  await s.startWorker(activities);
  org = await createOrg(s.db, { agents: 1 });
});
afterAll(async () => {
  await s?.close();
  await mail?.close();
});

const customer = async (over: Record<string, unknown> = {}) =>
  (
    await s
      .db('customers')
      .insert({
        entity_id: org.entityId,
        first_name: 'Lucía',
        last_name: 'Pérez',
        email: `lucia.${Math.random().toString(36).slice(2)}@example.test`,
        notify_email: true,
        ...over,
      })
      .returning('id')
  )[0].id as number;

async function until<T>(what: string, fn: () => Promise<T | undefined | false>, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const steps = (ticketId: string) =>
  s.db('ticket_events').where({ ticket_id: ticketId }).orderBy('seq').select('seq', 'type', 'details');

describe('issue 20: customer messages by e-mail', () => {
  it('a ticket with an e-mail and consent gets "issued", "called" and the survey, each once', async () => {
    const customerId = await customer();
    const input = ticketInput(org, { customerId });
    // Before acceptance: the relay says "try later" to the first "issued"; the retry delivers it.
    mail.refuseNext('issued', 451);
    // After acceptance: the first "called" is accepted, then the attempt dies before recording it.
    crashAfterAccept.add('called');
    await startTicket(s.client, s.taskQueue, input);
    const [agent] = org.agents;
    await until('issued', async () => mail.ofKind('issued').length === 1);
    await updateTicket(s.client, input.ticketId, msg.callTicket, {
      actor: agent!.actor,
      agentId: agent!.id,
      deskId: org.deskIds[0]!,
    });
    await updateTicket(s.client, input.ticketId, msg.attendTicket, { actor: agent!.actor });
    await updateTicket(s.client, input.ticketId, msg.finishTicket, { actor: agent!.actor });
    await until('survey', async () => mail.ofKind('survey').length === 1);
    const rows = await until('every message recorded', async () => {
      const r = await s.db('messages').where({ ticket_id: input.ticketId }).orderBy('id');
      return r.length === 3 && r.every((m) => m.status === 'sent') && r;
    });
    const sent = await until('three delivery steps', async () => {
      const e = (await steps(input.ticketId)).filter((x) => x.type === 'message_sent');
      return e.length === 3 && e;
    });

    expect(mail.refused).toEqual(['issued']);
    expect(mail.ofKind('issued')).toHaveLength(1);
    // The at-most-one-duplicate window: accepted, then lost before the record — sent again, with
    // the same Message-ID, so a mail client shows one message.
    const called = mail.ofKind('called');
    expect(called).toHaveLength(2);
    expect(called[0]!.headers['message-id']).toBe(called[1]!.headers['message-id']);
    expect(mail.ofKind('survey')).toHaveLength(1);
    expect(rows.map((r) => [r.kind, r.channel, r.attempts])).toEqual([
      ['issued', 'email', 2],
      ['called', 'email', 2],
      ['survey', 'email', 1],
    ]);
    // What the relay accepted is what is recorded, and what the timeline shows.
    for (const r of rows) {
      const m = mail.ofKind(r.kind).at(-1)!;
      expect(r.provider_id).toBe(m.headers['message-id']);
    }
    // (in the order each was accepted: the crashed "called" lands after the survey)
    const byKind = (a: unknown[], b: unknown[]) => String(a[0]).localeCompare(String(b[0]));
    expect(sent.map((e) => [e.details.kind, e.details.channel, e.details.providerId]).sort(byKind)).toEqual(
      rows.map((r) => [r.kind, 'email', r.provider_id]).sort(byKind),
    );
    // The content: the desk to go to, the links to the status page, the survey and the opt-out.
    expect(called[0]!.headers.subject).toMatch(/Módulo|=\?UTF-8\?/);
    expect(bodyOf(mail.ofKind('issued')[0]!)).toMatch(/http:\/\/localhost:3000\/status\/[A-Za-z0-9_-]{43}/);
    expect(bodyOf(mail.ofKind('survey')[0]!)).toMatch(/http:\/\/localhost:3000\/survey\/[A-Za-z0-9_-]{43}/);
    for (const m of mail.received.filter((x) => x.to[0] === rows[0].recipient))
      expect(bodyOf(m)).toMatch(/\/api\/public\/messages\/\d+\.[A-Za-z0-9_-]{32}\/opt-out/);
  });

  it('a retry after a recorded send sends nothing', async () => {
    const row = await s.db('messages').where({ kind: 'survey', status: 'sent' }).first();
    const before = mail.received.length;
    const again = await activities.sendTicketMessage({
      ticketId: row.ticket_id,
      kind: 'survey',
      occasion: row.occasion,
    });
    expect(again).toEqual([
      { channel: 'email', status: 'sent', messageId: Number(row.id), providerId: row.provider_id },
    ]);
    expect(mail.received.length).toBe(before);
  });

  it('a ticket without consent, or without an e-mail, costs nothing and sends nothing', async () => {
    const withoutConsent = ticketInput(org, { customerId: await customer({ notify_email: false }) });
    const withoutEmail = ticketInput(org, { customerId: await customer({ email: null }) });
    const before = mail.received.length;
    for (const input of [withoutConsent, withoutEmail]) {
      await startTicket(s.client, s.taskQueue, input);
      await updateTicket(s.client, input.ticketId, msg.cancelTicket, { actor: org.supervisor });
      const history = await s.client.workflow.getHandle(`ticket-${input.ticketId}`).fetchHistory();
      const scheduled = (history.events ?? []).filter((e) => e.activityTaskScheduledEventAttributes);
      expect(scheduled).toEqual([]);
      expect(await s.db('messages').where({ ticket_id: input.ticketId })).toEqual([]);
    }
    expect(mail.received.length).toBe(before);
  });

  it('a relay that refuses for good (5xx) leaves the message failed on the timeline, without retries', async () => {
    const input = ticketInput(org, { customerId: await customer() });
    mail.refuseNext('issued', 550);
    await startTicket(s.client, s.taskQueue, input);
    const failed = await until('a failed step', async () =>
      (await steps(input.ticketId)).find((e) => e.type === 'message_failed'),
    );
    expect(failed.details).toMatchObject({ kind: 'issued', channel: 'email' });
    const row = await s.db('messages').where({ ticket_id: input.ticketId }).first();
    expect(row).toMatchObject({ status: 'failed', attempts: 1 });
    await updateTicket(s.client, input.ticketId, msg.cancelTicket, { actor: org.supervisor });
  });

  it('an appointment gets its .ics when booked and its reminder at the set time (a timer of its workflow)', async () => {
    const service = org.services[0]!.id;
    await s.db('services').where({ id: service }).update({ remind_before_minutes: 1 });
    const input = ticketInput(org, {
      kind: 'appointment',
      customerId: await customer(),
      scheduledAt: new Date(Date.now() + 63_000).toISOString(), // the reminder is due in 3 s
    });
    const view = await startTicket(s.client, s.taskQueue, input);
    expect(view.status).toBe('scheduled');
    const booked = await until('booked', async () => mail.ofKind('booked')[0]);
    expect(booked.raw).toMatch(/name=cita\.ics/);
    expect(mail.ofKind('reminder')).toHaveLength(0);
    const reminder = await until('reminder', async () => mail.ofKind('reminder')[0], 15_000);
    const sentAt = Date.now();
    expect(sentAt).toBeGreaterThanOrEqual(Date.parse(input.scheduledAt!) - 60_000 - 1000);
    expect(bodyOf(reminder)).toMatch(/\/api\/public\/messages\/\d+\.[A-Za-z0-9_-]{32}\/confirm/);
    await updateTicket(s.client, input.ticketId, msg.cancelTicket, { actor: org.supervisor });
    await s.client.workflow.getHandle(`ticket-${input.ticketId}`).result();
    expect(mail.ofKind('reminder')).toHaveLength(1);
    await s.db('services').where({ id: service }).update({ remind_before_minutes: 1440 });
  });
});
