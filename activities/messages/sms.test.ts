// Issue 20: SMS through the entity's provider, against a local HTTP receiver that checks the
// documented contract (README, "Customer messages"): POST, JSON body, bearer token, idempotency
// key, and a 2xx naming the provider's id — retried on 5xx, given up on 4xx and on an address
// the outbound policy refuses.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as msg from '../../domain/ticket-messages.js';
import { startTicket, updateTicket } from '../../workflows/tickets/client.js';
import { createActivities } from '../../runtime/worker-factory.js';
import { parseAllowList } from '../../platform/outbound/allow.js';
import { outboundPolicy } from '../../platform/outbound/policy.js';
import { createTestStack, type TestStack } from '../../tests/support/stack.js';
import { createOrg, ticketInput, type Org } from '../../tests/support/fixtures.js';
import { createTestMailbox, type TestMailbox } from '../../tests/support/mail.js';

const TOKEN = 'provider-token-0123456789';
let s: TestStack;
let org: Org;
let mail: TestMailbox;
let receiver: http.Server;
let port: number;
/** Every request the provider received, and what the contract check found wrong with it. */
const seen: { key: string; body: Record<string, unknown>; wrong: string[] }[] = [];
let answers: number[] = [];

beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    let text = '';
    req.on('data', (c: Buffer) => (text += c.toString('utf8')));
    req.on('end', () => {
      const wrong: string[] = [];
      if (req.method !== 'POST') wrong.push('method');
      if (req.url !== '/v1/messages') wrong.push('path');
      if (req.headers['content-type'] !== 'application/json') wrong.push('content-type');
      if (req.headers.authorization !== `Bearer ${TOKEN}`) wrong.push('authorization');
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(text) as Record<string, unknown>;
      } catch {
        wrong.push('json');
      }
      const key = String(req.headers['idempotency-key'] ?? '');
      if (!key || body.reference !== key) wrong.push('idempotency-key');
      if (!['sms', 'whatsapp'].includes(String(body.channel))) wrong.push('channel');
      if (typeof body.to !== 'string' || typeof body.text !== 'string') wrong.push('to/text');
      seen.push({ key, body, wrong });
      const status = wrong.length ? 400 : (answers.shift() ?? 202);
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(status < 300 ? JSON.stringify({ id: `prov-${seen.length}` }) : JSON.stringify({ error: 'no' }));
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  port = (receiver.address() as AddressInfo).port;
  s = await createTestStack();
  mail = await createTestMailbox();
  await s.startWorker(
    createActivities({
      db: s.db,
      temporal: s.client,
      taskQueue: s.taskQueue,
      messaging: mail.messaging({ policy: outboundPolicy(parseAllowList(`127.0.0.1:${port}`)) }),
    }),
  );
  org = await createOrg(s.db, { agents: 1 });
});
afterAll(async () => {
  await s?.close();
  await mail?.close();
  await new Promise((r) => receiver?.close(r));
});

async function until<T>(what: string, fn: () => Promise<T | undefined | false>): Promise<T> {
  const end = Date.now() + 20_000;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const smsCustomer = async () =>
  (
    await s
      .db('customers')
      .insert({ entity_id: org.entityId, first_name: 'Pablo', phone: '+57 300 123 4567', notify_sms: true })
      .returning('id')
  )[0].id as number;

const settled = (ticketId: string) =>
  until('the message settled', async () => {
    const row = await s.db('messages').where({ ticket_id: ticketId, kind: 'issued' }).first();
    return row && ['sent', 'failed'].includes(row.status) && row;
  });

describe('issue 20: SMS through the provider contract', () => {
  it('posts the documented request, retries a 5xx with the same idempotency key, records the provider id', async () => {
    await s
      .db('message_providers')
      .insert({ entity_id: org.entityId, url: `http://127.0.0.1:${port}/v1/messages`, token: TOKEN });
    answers = [503];
    const input = ticketInput(org, { customerId: await smsCustomer() });
    await startTicket(s.client, s.taskQueue, input);
    const row = await settled(input.ticketId);
    expect(seen.map((r) => r.wrong)).toEqual([[], []]);
    expect(seen[0]!.key).toBe(seen[1]!.key);
    expect(seen[1]!.body).toMatchObject({ channel: 'sms', to: '+57 300 123 4567', reference: `message-${row.id}` });
    expect(String(seen[1]!.body.text)).toMatch(/^Hola Pablo: su turno/);
    expect(row).toMatchObject({ status: 'sent', channel: 'sms', provider_id: 'prov-2', attempts: 2 });
    const step = await until('the timeline step', async () =>
      s.db('ticket_events').where({ ticket_id: input.ticketId, type: 'message_sent' }).first(),
    );
    expect(step.details).toMatchObject({ kind: 'issued', channel: 'sms', providerId: 'prov-2' });
    expect(mail.received).toEqual([]); // no e-mail consent: nothing by mail
    await updateTicket(s.client, input.ticketId, msg.cancelTicket, { actor: org.supervisor });
  });

  it('gives up at once on a 4xx, and on a provider address the outbound policy refuses', async () => {
    answers = [422];
    const refused = ticketInput(org, { customerId: await smsCustomer() });
    await startTicket(s.client, s.taskQueue, refused);
    expect(await settled(refused.ticketId)).toMatchObject({ status: 'failed', attempts: 1 });

    const before = seen.length;
    await s
      .db('message_providers')
      .where({ entity_id: org.entityId })
      .update({ url: 'http://127.0.0.1:5488/v1/messages' });
    const forbidden = ticketInput(org, { customerId: await smsCustomer() });
    await startTicket(s.client, s.taskQueue, forbidden);
    const row = await settled(forbidden.ticketId);
    expect(row).toMatchObject({ status: 'failed', attempts: 1 });
    expect(row.error).toMatch(/OUTBOUND_ALLOW/);
    expect(seen.length).toBe(before);
    for (const t of [refused, forbidden])
      await updateTicket(s.client, t.ticketId, msg.cancelTicket, { actor: org.supervisor });
  });
});
