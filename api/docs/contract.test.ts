// G3, issue 14: every operation in api/docs/operations.ts, driven against the real API with the
// demo data, answers what its contract (domain/contracts) says — status, fields and types, or the
// content type of a file. The list is the coverage: an operation the scenario misses fails the test.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_OPERATOR_EMAIL, DEMO_PASSWORD } from '../../db/seed/demo.js';
import { parseAllowList } from '../../platform/outbound/index.js';
import { createAppStack, type AppStack } from '../../tests/support/app-stack.js';
import { ANONYMOUS, contractDriver, num, str, type Caller, type ContractDriver } from '../../tests/support/contract.js';
import {
  crudPlans,
  demoIds,
  exerciseResource,
  type DemoIds,
  type PlainResource,
} from '../../tests/support/contract-crud.js';
import { inHours, zoneWithRoomToday } from '../../tests/support/today.js';
import { issueStatusToken } from '../public/tokens.js';
import { reconcileAlerts } from '../../db/alerts/record.js';
import { raiseLowScore } from '../../db/surveys/low-score.js';

let app: AppStack;
let api: ContractDriver;
let ids: DemoIds;
let receiver: http.Server;
let receiverUrl: string;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ventanilla-contract-'));

beforeAll(async () => {
  receiver = http.createServer((req, res) => req.resume().on('end', () => res.writeHead(200).end()));
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const port = (receiver.address() as AddressInfo).port;
  receiverUrl = `http://127.0.0.1:${port}/hooks`;
  app = await createAppStack({ config: { OUTBOUND_ALLOW: parseAllowList(`127.0.0.1:${port}`), DATA_DIR: dataDir } });
  api = contractDriver(app.url);
  ids = await demoIds(app.db);
  // Appointments "later today" must stay today at the branch, whenever the suite runs.
  await app.db('branches').where({ id: ids.centro }).update({ timezone: zoneWithRoomToday() });
});
afterAll(async () => {
  await app?.closeAll();
  await new Promise((r) => receiver?.close(r));
});

/** Logs in through the listed operation; the session cookie is the caller. */
async function login(email: string, password = DEMO_PASSWORD): Promise<Caller> {
  const res = await api.call(ANONYMOUS, 'post', '/auth/login', { body: { email, password } });
  return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] };
}
const today = async (): Promise<string> =>
  (await app.db.raw(`select (now() at time zone timezone)::date::text as d from branches where id = ?`, [ids.centro]))
    .rows[0].d as string;
/** A free desk of the branch, for an agent's log-in. */
const freeDesk = async (): Promise<number> =>
  (
    await app
      .db('desks')
      .where({ branch_id: ids.centro })
      .whereNotIn('id', app.db('shifts').whereNull('ended_at').select('desk_id'))
      .orderBy('id')
      .first('id')
  ).id;

describe('G3 the API keeps its contract (domain/contracts)', () => {
  let admin: Caller;
  let sup: Caller;

  it('health, docs, log in and out, the session user, the profile', async () => {
    await api.call(ANONYMOUS, 'get', '/health');
    await api.call(ANONYMOUS, 'get', '/docs');
    await api.call(ANONYMOUS, 'get', '/docs/openapi.json');
    admin = await login('admin@andino.demo');
    sup = await login('supervisor@andino.demo');
    await api.call(admin, 'get', '/auth/me');
    await api.call(await login('carla@andino.demo'), 'post', '/auth/logout');
    const bruno = await login('bruno@andino.demo');
    await api.call(bruno, 'get', '/profile');
    await api.call(bruno, 'put', '/profile', { body: { phone: '+57 300 123 0000' } });
    await api.call(bruno, 'post', '/profile/password', {
      body: { currentPassword: DEMO_PASSWORD, newPassword: 'contrato-bruno-2026' },
    });
  });

  it('every back-office resource: list, create, read, update, delete', async () => {
    const notify = async (key: string): Promise<number> =>
      (
        await app
          .db('notifications')
          .insert({
            entity_id: ids.entityId,
            user_id: ids.admin,
            type: 'contract',
            title: key,
            body: null,
            data: '{}',
            dedupe_key: key,
          })
          .returning('id')
      )[0].id;
    const plans = crudPlans(ids, await notify('contract-1'));
    for (const name of Object.keys(plans) as PlainResource[]) await exerciseResource(api, admin, name, plans[name]);
    await api.call(admin, 'get', '/notifications/unread-count');
    await api.call(admin, 'post', '/notifications/:id/read', { params: { id: await notify('contract-2') } });
    await api.call(admin, 'post', '/notifications/read-all');
  });

  it('webhooks: a test send, its deliveries, a resend; deliveries are a record', async () => {
    const hook = num(
      await api.call(admin, 'post', '/webhooks', { body: { url: receiverUrl, secret: 'contract-secret-0123456789' } }),
      'id',
    );
    await api.call(admin, 'get', '/webhooks');
    await api.call(admin, 'get', '/webhooks/:id', { params: { id: hook } });
    const delivery = num(await api.call(admin, 'post', '/webhooks/:id/test', { params: { id: hook }, body: {} }), 'id');
    await api.call(admin, 'get', '/webhook_deliveries', { query: { filter: { webhookId: hook } } });
    await api.call(admin, 'get', '/webhook_deliveries/:id', { params: { id: delivery } });
    await api.call(admin, 'post', '/webhook_deliveries/:id/resend', { params: { id: delivery }, body: {} });
    await api.call(admin, 'delete', '/webhook_deliveries/:id', { params: { id: delivery } });
    await api.call(admin, 'put', '/webhooks/:id', { params: { id: hook }, body: { active: false } });
    await api.call(admin, 'delete', '/webhooks/:id', { params: { id: hook } });
  });

  it('message providers (issue 20): the entity SMS/WhatsApp provider at an allowed address, token write-only', async () => {
    const provider = { url: receiverUrl, token: 'contract-provider-token-0123' };
    const id = num(await api.call(admin, 'post', '/message_providers', { body: provider }), 'id');
    await api.call(admin, 'get', '/message_providers');
    await api.call(admin, 'get', '/message_providers/:id', { params: { id } });
    await api.call(admin, 'put', '/message_providers/:id', { params: { id }, body: { url: `${receiverUrl}/v2` } });
    await api.call(admin, 'delete', '/message_providers/:id', { params: { id } });
  });

  it('the configuration audit log: the webhook changes above, one of them, and it is a record', async () => {
    const entries = await api.call(admin, 'get', '/config_audit', {
      query: { filter: { resource: 'webhooks' }, sort: ['at', 'DESC'] },
    });
    const id = num(entries, '0.id');
    await api.call(admin, 'get', '/config_audit/:id', { params: { id } });
    await api.call(admin, 'delete', '/config_audit/:id', { params: { id } });
  });

  it('alerts (issue 19): the list, one of them, and no deleting them', async () => {
    // Written as the evaluator writes them (activities/alerts), from one condition.
    const { raised } = await reconcileAlerts(app.db, [
      {
        kind: 'queue_length',
        subject: `service:${ids.C}`,
        entityId: ids.entityId,
        branchId: ids.centro,
        serviceId: ids.C,
        userId: null,
        shiftId: null,
        ticketId: null,
        params: { service: 'C', count: 11, max: 10 },
      },
    ]);
    await api.call(admin, 'get', '/alerts', { query: { filter: { open: true } } });
    await api.call(admin, 'get', '/alerts/:id', { params: { id: raised[0]!.id } });
    await api.call(admin, 'delete', '/alerts/:id', { params: { id: raised[0]!.id } });
    // Issue 20: an event alert (a low score), acknowledged.
    const low = await app.db.transaction((trx) =>
      raiseLowScore(trx, {
        ticketId: '00000000-0000-4000-8000-000000000020',
        number: 'C-020',
        entityId: ids.entityId,
        branchId: ids.centro,
        serviceId: ids.C,
        serviceLabel: 'C',
        serviceName: 'Caja',
        agentId: null,
        score: 1,
        comment: null,
      }),
    );
    await api.call(admin, 'post', '/alerts/:id/acknowledge', { params: { id: low!.id } });
  });

  it("an agent's shift, and every ticket action answering the one ticket shape", async () => {
    const ana = await login('ana@andino.demo');
    const shift = str(
      await api.call(ana, 'post', '/shifts', { body: { deskId: await freeDesk(), state: 'offline' } }),
      'id',
    );
    await api.call(ana, 'post', '/shifts/current/manual', { body: { manual: true } });
    await api.call(ana, 'post', '/shifts/current/state', { body: { state: 'online' } });
    await api.call(ana, 'post', '/shifts/current/next-state', { body: { nextState: null } });
    await api.call(ana, 'get', '/shifts/current');
    const act = (who: Caller, action: string, id: string, body: object = {}) =>
      api.call(who, 'post', `/tickets/:id/${action}`, { params: { id }, body });

    const first = str(
      await api.call(sup, 'post', '/tickets', {
        body: { serviceId: ids.C, customer: { firstName: 'Pepa', lastName: 'Contrato', idNumber: 'CT-0001' } },
      }),
      'id',
    );
    await api.call(ana, 'get', '/shifts/current/waiting');
    await act(ana, 'call', first);
    await act(ana, 'recall', first);
    // Called: its customer says from the status page that they are on their way (issue 17).
    const token = await issueStatusToken(app.db, first);
    await api.call(ANONYMOUS, 'post', '/public/tickets/:token/on-my-way', { params: { token }, body: {} });
    for (const [action, body] of [
      ['attend', {}],
      ['notes', { text: 'Nota' }],
      ['topics', { topicIds: [] }],
      ['customer', { phone: '+57 300 765 4321' }],
      ['finish', {}],
    ] as const)
      await act(ana, action, first, body);

    const second = str(await api.call(sup, 'post', '/tickets', { body: { serviceId: ids.C } }), 'id');
    await act(ana, 'call', second);
    await act(ana, 'requeue', second);
    await act(sup, 'transfer', second, { serviceId: ids.P });
    await act(sup, 'cancel', second, { reason: 'contrato' });
    // Called and never came: the holder marks a no-show (issue 16).
    const third = str(await api.call(sup, 'post', '/tickets', { body: { serviceId: ids.C } }), 'id');
    await act(ana, 'call', third);
    await act(ana, 'no-show', third, { reason: 'no vino' });
    const given = (await api.call(ana, 'post', '/shifts/current/call-next', { body: {} })).body;
    if (typeof given === 'object' && given && 'ticketId' in given && typeof given.ticketId === 'string')
      await act(sup, 'cancel', given.ticketId);

    const booked = {
      serviceId: ids.A,
      kind: 'appointment',
      scheduledAt: inHours(3),
      customer: { firstName: 'Cita', idNumber: 'CT-0002' },
    };
    const appointment = str(await api.call(sup, 'post', '/tickets', { body: booked }), 'id');
    await act(sup, 'confirm', appointment);
    await act(sup, 'check-in', appointment);
    await api.call(sup, 'post', '/monitor/stuck/release', {
      body: { kind: 'ticket', id: appointment, action: 'cancel' },
    });

    await api.call(sup, 'get', '/tickets', { query: { filter: { day: 'today' }, range: [0, 9] } });
    await api.call(sup, 'get', '/tickets/:id', { params: { id: first } });
    await api.call(sup, 'get', '/tickets/:id/timeline', { params: { id: first } });
    await api.call(sup, 'get', '/tickets/:id/chat', { params: { id: first } });
    const appointmentCustomer = (await app.db('tickets').where({ id: appointment }).first('customer_id')).customer_id;
    await api.call(sup, 'get', '/customers/:id/visits', { params: { id: appointmentCustomer }, query: { limit: 5 } });
    // Issue 20: the finished ticket's satisfaction survey, and the back office's reads of it.
    // (The link the customer got is stored as a hash: the test gives the ticket a fresh one.)
    await app.db('ticket_status_tokens').where({ ticket_id: first }).del();
    const rated = { token: await issueStatusToken(app.db, first) };
    await api.call(ANONYMOUS, 'get', '/public/tickets/:token/survey', { params: rated });
    await api.call(ANONYMOUS, 'post', '/public/tickets/:token/survey', { params: rated, body: { score: 4 } });
    await api.call(sup, 'get', '/surveys', { query: { range: [0, 9] } });
    const surveyDay = await today();
    await api.call(sup, 'get', '/surveys/summary', { query: { from: surveyDay, to: surveyDay, groupBy: 'topic' } });
    await api.call(ana, 'get', '/shifts/current/figures');
    await api.call(sup, 'get', '/shifts');
    await api.call(sup, 'get', '/shifts/:id', { params: { id: shift } });
    await api.call(sup, 'get', '/shifts/:id/figures', { params: { id: shift } });
    await api.call(sup, 'get', '/shifts/:id/events', { params: { id: shift } });
    await api.call(sup, 'post', '/monitor/shifts/:id/state', { params: { id: shift }, body: { state: 'resting' } });
    await api.call(ana, 'post', '/shifts/current/end', { body: {} });
    // Issue 19: a supervisor ends a shift from the monitor.
    const again = str(
      await api.call(ana, 'post', '/shifts', { body: { deskId: await freeDesk(), state: 'offline' } }),
      'id',
    );
    await api.call(sup, 'post', '/monitor/shifts/:id/end', { params: { id: again }, body: { reason: 'contrato' } });
  });

  it('the monitor, the Temporal Web UI address (operators) and the reports', async () => {
    await api.call(sup, 'get', '/monitor/branches/:id', { params: { id: ids.centro } });
    await api.call(await login(DEMO_OPERATOR_EMAIL), 'get', '/monitor/temporal');
    const day = await today();
    await api.call(sup, 'get', '/reports/summary', { query: { from: day, to: day, groupBy: 'agent' } });
    await api.call(sup, 'get', '/reports/summary.csv', { query: { from: day, to: day } });
    await api.call(sup, 'get', '/reports/topics', { query: { from: day, to: day } });
    await api.call(sup, 'get', '/reports/hours', { query: { from: day, to: day } });
    await api.call(sup, 'get', '/reports/trends', { query: { from: day, to: day, grain: 'week' } });
    for (const csv of ['/reports/trends.csv', '/reports/topics.csv', '/reports/hours.csv'])
      await api.call(sup, 'get', csv, { query: { from: day, to: day, lang: 'en' } });
  });

  it('the kiosk, the display and the customer status page', async () => {
    const branch = { id: ids.centro };
    await api.call(ANONYMOUS, 'get', '/public/branches/:id', { params: branch });
    const token = str(
      await api.call(ANONYMOUS, 'post', '/public/branches/:id/tickets', { params: branch, body: { serviceId: ids.C } }),
      'token',
    );
    await api.call(ANONYMOUS, 'get', '/public/tickets/:token', { params: { token } });
    await api.call(ANONYMOUS, 'post', '/public/tickets/:token/leave', { params: { token }, body: {} });
    await api.call(ANONYMOUS, 'get', '/public/branches/:id/display', { params: branch });
    // Later today (past its check-in window): the kiosk checks it in.
    await api.call(sup, 'post', '/appointments', {
      body: { serviceId: ids.A, scheduledAt: inHours(0.5), customer: { firstName: 'Kiosco', idNumber: 'CT-0003' } },
    });
    await api.call(ANONYMOUS, 'post', '/public/branches/:id/check-in', {
      params: branch,
      body: { idNumber: 'CT-0003' },
    });
  });

  it('a video call: joins, chat, a file, tags, terms and presence', async () => {
    const diego = await login('diego@andino.demo');
    await api.call(diego, 'post', '/shifts', { body: { deskId: await freeDesk(), state: 'offline' } });
    await api.call(diego, 'post', '/shifts/current/manual', { body: { manual: true } });
    await api.call(diego, 'post', '/shifts/current/state', { body: { state: 'online' } });
    const ticket = str(
      await api.call(diego, 'post', '/tickets', {
        body: { serviceId: ids.V, kind: 'virtual', customer: { firstName: 'Video', idNumber: 'CT-0004' } },
      }),
      'id',
    );
    await api.call(diego, 'post', '/tickets/:id/call', { params: { id: ticket }, body: {} });
    const agentJoin = await api.call(diego, 'post', '/video/tickets/:id/join', { params: { id: ticket } });
    const room = { roomId: str(agentJoin, 'roomId') };
    const agent: Caller = { bearer: str(agentJoin, 'token') };
    const guest: Caller = {
      bearer: str(
        await api.call(ANONYMOUS, 'post', '/video/guest/:guestToken/join', {
          params: { guestToken: str(agentJoin, 'guestToken') },
        }),
        'token',
      ),
    };
    await api.call(agent, 'post', '/video/rooms/:roomId/messages', { params: room, body: { body: 'Hola' } });
    await api.call(guest, 'get', '/video/rooms/:roomId/messages', { params: room });
    const pdf = new TextEncoder().encode('%PDF-1.4\n%contract\n');
    const sent = await api.call(agent, 'post', '/video/rooms/:roomId/files', {
      params: room,
      body: pdf,
      headers: { 'x-file-name': 'contrato.pdf' },
    });
    await api.call(guest, 'get', '/video/files/:fileId', { params: { fileId: str(sent, 'file.id') } });
    await api.call(agent, 'post', '/video/rooms/:roomId/tags', { params: room, body: { body: 'Marca' } });
    await api.call(agent, 'get', '/video/rooms/:roomId/tags', { params: room });
    const terms = str(
      await api.call(agent, 'post', '/video/rooms/:roomId/terms', { params: room, body: { text: 'Acepta?' } }),
      'termsId',
    );
    await api.call(guest, 'post', '/video/rooms/:roomId/terms/answer', {
      params: room,
      body: { termsId: terms, accepted: true },
    });
    await api.call(guest, 'post', '/video/rooms/:roomId/presence', {
      params: room,
      body: { event: 'joined', sessionId: 'contract-session-1' },
    });
  });

  it('exercised every operation of the list', () => {
    expect(api.missing()).toEqual([]);
  });
});
