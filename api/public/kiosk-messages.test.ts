// Issue 20, end to end through the kiosk: a customer who leaves her e-mail and agrees to be told
// gets "issued", "you are next", "called" and the survey request, each once, on a real SMTP
// receiver; the survey link opens her survey. Real API, Temporal worker and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppStack, type ApiClient, type AppStack } from '../../tests/support/app-stack.js';
import { bodyOf, createTestMailbox, type TestMailbox } from '../../tests/support/mail.js';
import { until } from '../../tests/support/until.js';
import { createLogger } from '../../platform/logger.js';
import { tellPositions } from '../../activities/messages/positions.js';
import { enqueueNewEvents } from '../webhooks/outbox.js';
import { parseAllowList } from '../../platform/outbound/allow.js';

let app: AppStack;
let mail: TestMailbox;
let sup: ApiClient;
let centro: { id: number; serviceId: number };
const EMAIL = 'lucia.kiosko@correo.demo';

const take = async (body: object) => {
  const res = await fetch(`${app.url}/api/public/branches/${centro.id}/tickets`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ serviceId: centro.serviceId, ...body }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { number: string; token: string };
};
const mine = (kind: string) => mail.ofKind(kind).filter((m) => m.raw.includes(EMAIL));
const idOf = async (number: string): Promise<string> =>
  (await app.db('tickets').where({ branch_id: centro.id, number }).orderBy('arrival_at', 'desc').first('id')).id;
const act = async (ticketId: string, action: string, body: object = {}) => {
  const r = await sup.request('POST', `/api/tickets/${ticketId}/${action}`, body);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
};

beforeAll(async () => {
  mail = await createTestMailbox();
  app = await createAppStack({
    messaging: mail.messaging(),
    config: { OUTBOUND_ALLOW: parseAllowList('127.0.0.1:9') },
  });
  sup = await app.login('supervisor@andino.demo');
  const cen = await app.db('branches').where({ code: 'CEN' }).first('id');
  const service = await app.db('services').where({ branch_id: cen.id, label: 'C' }).first('id');
  centro = { id: cen.id, serviceId: service.id };
  // Each sent message is a webhook event (H8): enqueued for a webhook of the entity.
  const admin = await app.login('admin@andino.demo');
  const hook = await admin.request('POST', '/api/webhooks', {
    url: 'http://127.0.0.1:9/messages',
    secret: 'a-long-enough-secret',
  });
  expect(hook.status, JSON.stringify(hook.body)).toBe(201);
  // "You are next" only: tell her when nobody is ahead.
  await app.db('services').where({ id: service.id }).update({ notify_ahead: 0 });
});
afterAll(async () => {
  await app?.closeAll();
  await mail?.close();
});

describe('issue 20: a kiosk ticket with an e-mail is told, called and asked, each once', () => {
  it('issued, you are next, called and the survey request; the survey link opens her survey', async () => {
    const first = await take({});
    const hers = await take({ customer: { email: EMAIL, notifyEmail: true }, lang: 'es' });
    await until('issued', async () => mine('issued').length === 1);
    expect(bodyOf(mine('issued')[0]!)).toContain(hers.number);

    const carla = await app.db('users').where({ email: 'carla@andino.demo' }).first('id');
    const desk = await app.db('desks').where({ branch_id: centro.id }).orderBy('id').first('id');
    const tell = () => tellPositions({ db: app.db, temporal: app.client, log: createLogger('test', 'silent') });

    // The customer ahead of her is called and served: she is next.
    const firstId = await idOf(first.number);
    await act(firstId, 'call', { agentId: carla.id, deskId: desk.id });
    await tell();
    await until('next', async () => mine('next').length === 1);
    await act(firstId, 'attend');
    await act(firstId, 'finish');
    await tell(); // a second pass tells nobody twice

    const hersId = await idOf(hers.number);
    await act(hersId, 'call', { agentId: carla.id, deskId: desk.id });
    await until('called', async () => mine('called').length === 1);
    await act(hersId, 'attend');
    await act(hersId, 'finish');
    await until('survey', async () => mine('survey').length === 1);

    // Each once, whatever else ran: another pass, the other ticket's messages (it has none).
    await tell();
    await new Promise((r) => setTimeout(r, 1500));
    const kinds = mail.received.filter((m) => m.raw.includes(EMAIL)).map((m) => m.headers['x-ventanilla-message']);
    expect(kinds.sort()).toEqual(['called', 'issued', 'next', 'survey']);

    // Each message a webhook event of its own, naming kind and channel, never her address.
    await enqueueNewEvents(app.db);
    const events = (await app
      .db('webhook_deliveries')
      .where('event', 'ticket.message_sent')
      .whereRaw(`payload->'ticket'->>'id' = ?`, [hersId])
      .pluck('payload')) as { message: { kind: string; channel: string; providerId: string } }[];
    expect(events.map((p) => p.message.kind).sort()).toEqual(['called', 'issued', 'next', 'survey']);
    expect(events.every((p) => p.message.channel === 'email' && p.message.providerId.length > 0)).toBe(true);
    expect(JSON.stringify(events)).not.toContain(EMAIL);

    const link = /\/survey\/([A-Za-z0-9_-]+)/.exec(bodyOf(mine('survey')[0]!));
    expect(link).not.toBeNull();
    const survey = await fetch(`${app.url}/api/public/tickets/${link![1]}/survey`);
    expect(survey.status).toBe(200);
    expect((await survey.json()) as { number: string }).toMatchObject({ number: hers.number });
  });
});
