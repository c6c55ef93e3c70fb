// B7, issue 16: the timeline names what its steps' ids stand for (desk, agent, services, topics)
// and a customer edit keeps what it changed (field: before → after); the shared wording module
// turns those into the facts both UIs show.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../domain/contracts/tickets.js';
import { describeStep } from '../../domain/timeline-steps.js';
import { createAppStack, type AppStack } from '../../tests/support/app-stack.js';

let app: AppStack;
beforeAll(async () => {
  app = await createAppStack();
});
afterAll(() => app?.closeAll());

describe('GET /api/tickets/:id/timeline (issue 16)', () => {
  it('names desks, agents, services and topics, and a customer edit says before → after', async () => {
    const sup = await app.login('supervisor@andino.demo');
    const centro = await app.db('branches').where({ code: 'CEN' }).first('id');
    const from = await app.db('services').where({ label: 'C', branch_id: centro.id }).first('id', 'name');
    const to = await app.db('services').where({ label: 'A', branch_id: centro.id }).first('id', 'name');
    const topics = await app.db('topics').where({ service_id: from.id }).orderBy('id').limit(2).select('id', 'name');
    const carla = await app.db('users').where({ email: 'carla@andino.demo' }).first('id');
    const desk = await app
      .db('desks')
      .where({ branch_id: centro.id })
      .whereNotIn('id', app.db('shifts').whereNull('ended_at').select('desk_id'))
      .first('id', 'name');
    const t = (
      await sup.request('POST', '/api/tickets', {
        serviceId: from.id,
        customer: { firstName: 'Gloria', lastName: 'Gutiérrez', idNumber: 'TL16-001' },
      })
    ).body;
    const step = async (path: string, body: object = {}) => {
      const r = await sup.request('POST', `/api/tickets/${t.id}/${path}`, body);
      expect(r.status, `${path}: ${JSON.stringify(r.body)}`).toBe(200);
    };
    await step('call', { agentId: carla.id, deskId: desk.id });
    await step('attend');
    await step('topics', { topicIds: topics.map((x: { id: number }) => x.id) });
    await step('customer', { firstName: 'Gloria Inés', phone: '+57 300 000 0016' });
    await step('transfer', { serviceId: to.id, reason: 'Necesita un crédito' });

    const res = await sup.request('GET', `/api/tickets/${t.id}/timeline`);
    expect(res.status).toBe(200);
    const events = res.body as TimelineEvent[];
    const of = (type: string) => events.find((e) => e.type === type)!;
    expect(of('created').names).toEqual({ serviceId: from.name });
    expect(of('called').names).toEqual({ deskId: desk.name, agentId: 'Carla Montoya' });
    expect(of('topics').names).toEqual({ topicIds: topics.map((x: { name: string }) => x.name) });
    expect(of('transferred').names).toEqual({ fromServiceId: from.name, toServiceId: to.name });
    expect(of('customer_edited').details.changes).toEqual({
      firstName: { before: 'Gloria', after: 'Gloria Inés' },
      phone: { before: null, after: '+57 300 000 0016' },
    });

    // The facts the UIs word: names, never ids.
    expect(describeStep(of('called')).facts).toEqual([
      { key: 'desk', params: { name: desk.name } },
      { key: 'agent', params: { name: 'Carla Montoya' } },
    ]);
    expect(describeStep(of('customer_edited')).facts).toEqual([
      { key: 'changed_firstName', params: { before: 'Gloria', after: 'Gloria Inés' } },
      { key: 'changed_phone', params: { before: '—', after: '+57 300 000 0016' } },
    ]);
    expect(describeStep(of('transferred')).facts).toEqual([
      { key: 'transferFrom', params: { name: from.name } },
      { key: 'transferTo', params: { name: to.name } },
      { key: 'reason', params: { reason: 'Necesita un crédito' } },
    ]);
  });
});

describe('GET /api/tickets/:id/chat (issue 16)', () => {
  it("gives the video call's conversation, the customer's words too, to whoever may read the ticket", async () => {
    const sup = await app.login('supervisor@andino.demo');
    const centro = await app.db('branches').where({ code: 'CEN' }).first('id');
    const service = await app.db('services').where({ label: 'C', branch_id: centro.id }).first('id');
    const t = (await sup.request('POST', '/api/tickets', { serviceId: service.id })).body;
    expect((await sup.request('GET', `/api/tickets/${t.id}/chat`)).body).toEqual([]);

    const ana = await app.db('users').where({ email: 'ana@andino.demo' }).first('id', 'first_name', 'last_name');
    const roomId = '00000000-0000-4000-8000-00000000c4a7';
    await app.db('video_rooms').insert({
      id: roomId,
      ticket_id: t.id,
      guest_token_hash: 'x'.repeat(64),
      opened_at: new Date(),
    });
    await app.db('chat_messages').insert([
      { room_id: roomId, sender_type: 'user', sender_id: ana.id, body: 'Buenos días, ¿en qué le ayudo?' },
      { room_id: roomId, sender_type: 'customer', sender_id: null, body: 'Necesito un certificado' },
    ]);
    const chat = await sup.request('GET', `/api/tickets/${t.id}/chat`);
    expect(chat.status).toBe(200);
    expect(
      chat.body.map((m: { senderType: string; senderName: string; body: string }) => [
        m.senderType,
        m.senderName,
        m.body,
      ]),
    ).toEqual([
      ['user', `${ana.first_name} ${ana.last_name}`, 'Buenos días, ¿en qué le ayudo?'],
      ['customer', 'Cliente', 'Necesito un certificado'],
    ]);
    // Another branch's agent does not reach this ticket, nor its conversation: refused as its timeline is.
    const elena = await app.login('elena@andino.demo');
    const refused = await elena.request('GET', `/api/tickets/${t.id}/chat`);
    const timeline = await elena.request('GET', `/api/tickets/${t.id}/timeline`);
    expect(refused.status).toBe(403);
    expect([refused.status, refused.body.code]).toEqual([timeline.status, timeline.body.code]);
  });
});
