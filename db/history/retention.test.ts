// Issue 18: customer data past the entity's retention is anonymised and the figures stay: the
// reports read the same before and after; a customer seen since the cut-off, another entity, and
// a ticket still open keep theirs; the stored file is removed; a second pass finds nothing.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import '../types.js';
import { createDb, type Db } from '../knex.js';
import { ensureDatabase } from '../../runtime/postgres.js';
import { TEMPLATE_DB } from '../../tests/support/names.js';
import { createOrg, type Org } from '../../tests/support/fixtures.js';
import { readSummary } from '../reports/summary.js';
import { anonymiseExpired } from './retention.js';

const NOW = new Date('2026-11-20T12:00:00Z');
const OLD = '2026-03-10'; // 8 months before NOW
const RECENT = '2026-10-10';
let db: Db;
let org: Org, other: Org;
let filesDir: string;
let n = 0;

async function customer(o: Org, first: string): Promise<number> {
  const [{ id }] = await db('customers')
    .insert({
      entity_id: o.entityId,
      first_name: first,
      last_name: 'Pérez',
      email: `${first}@x.test`,
      id_number: `${first}-1`,
      phone: '300',
      created_at: `${OLD}T10:00:00Z`,
    })
    .returning('id');
  return id;
}

/** A served ticket of `day` with its timeline (created by the customer, a call, a note, the finish). */
async function served(o: Org, day: string, customerId: number, status = 'finished'): Promise<string> {
  const id = randomUUID();
  const service = o.services[0]!;
  const agent = o.agents[0]!;
  const at = (hh: string) => `${day}T${hh}:00Z`;
  n++;
  await db('tickets').insert({
    id,
    entity_id: o.entityId,
    branch_id: o.branchId,
    service_id: service.id,
    numbered_service_id: service.id,
    customer_id: customerId,
    kind: 'virtual',
    status,
    service_day: day,
    seq: n,
    number: `A-${n}`,
    arrival_at: at('14'),
    workflow_id: `ticket-${id}`,
    last_event_seq: 5,
    agent_id: agent.id,
    desk_id: o.deskIds[0],
    called_at: at('15'),
    ...(status === 'finished' ? { attending_at: at('16'), ended_at: at('18') } : {}),
  });
  const ev = (
    seq: number,
    type: string,
    from: string | null,
    to: string,
    hh: string,
    details: object,
    actor: object,
  ) => ({
    ticket_id: id,
    service_day: day,
    seq,
    type,
    from_status: from,
    to_status: to,
    at: at(hh),
    details: JSON.stringify(details),
    ...actor,
  });
  const staff = { actor_type: 'user', actor_id: agent.id, actor_name: 'Agent0 T' };
  await db('ticket_events').insert([
    ev(
      1,
      'created',
      null,
      'waiting',
      '14',
      { number: `A-${n}`, kind: 'virtual', serviceId: service.id },
      { actor_type: 'customer', actor_name: 'Ana Pérez' },
    ),
    ev(2, 'called', 'waiting', 'calling', '15', { agentId: agent.id, deskId: o.deskIds[0] }, staff),
    ...(status === 'finished'
      ? [
          ev(3, 'attending', 'calling', 'attending', '16', {}, staff),
          ev(4, 'note', 'attending', 'attending', '17', { text: 'Trajo su cédula 1020304' }, staff),
          ev(5, 'finished', 'attending', 'finished', '18', { topicIds: [service.topicIds[0]] }, staff),
        ]
      : []),
  ]);
  const room = randomUUID();
  await db('video_rooms').insert({ id: room, ticket_id: id, guest_token_hash: 'h', opened_at: at('15') });
  const file = randomUUID();
  await fs.writeFile(path.join(filesDir, file), 'scan of an ID card');
  await db('files').insert({
    id: file,
    room_id: room,
    uploader_type: 'customer',
    name: 'cedula-ana.pdf',
    mime: 'application/pdf',
    size: 18,
    storage_key: file,
  });
  await db('chat_messages').insert([
    { room_id: room, sender_type: 'customer', body: 'Mi teléfono es 300 123' },
    { room_id: room, sender_type: 'customer', body: 'Aquí está', file_id: file },
  ]);
  await db('tags').insert({ room_id: room, author_id: agent.id, offset_ms: 1000, body: 'Ana mostró su cédula' });
  // Issue 20: her satisfaction answer — the score is a figure, the comment is what she said.
  if (status === 'finished')
    await db('surveys').insert({
      ticket_id: id,
      entity_id: o.entityId,
      branch_id: o.branchId,
      service_id: service.id,
      agent_id: agent.id,
      customer_id: customerId,
      service_day: day,
      score: 2,
      comment: 'Me atendió Agent0, esperé mucho',
    });
  // Issue 20: a message she was sent, to her address and with her name.
  await db('messages').insert({
    entity_id: o.entityId,
    branch_id: o.branchId,
    ticket_id: id,
    customer_id: customerId,
    kind: 'issued',
    channel: 'email',
    occasion: 1,
    lang: 'es',
    recipient: 'ana.perez@correo.demo',
    subject: 'Su turno',
    body: 'Hola Ana Pérez: su turno…',
    status: 'sent',
    provider_id: '<m-1@relay>',
  });
  return id;
}

const figures = async (o: Org) => readSummary(db, { branchIds: [o.branchId], from: OLD, to: OLD, filter: {} }, 'agent');
const customerRow = (id: number) =>
  db('customers').where({ id }).first('first_name', 'last_name', 'email', 'id_number', 'phone', 'anonymised_at');
const events = (ticketId: string) =>
  db('ticket_events').where({ ticket_id: ticketId }).orderBy('seq').select('type', 'details', 'actor_name');

beforeAll(async () => {
  db = createDb(await ensureDatabase(inject('pgUrl'), `vt_ret_${randomUUID().slice(0, 8)}`, TEMPLATE_DB), 4);
  filesDir = await fs.mkdtemp(path.join(os.tmpdir(), 'vt-files-'));
  org = await createOrg(db);
  other = await createOrg(db);
  await db('entities').where({ id: org.entityId }).update({ retention_months: 6 });
});
afterAll(async () => {
  await db?.destroy();
  await fs.rm(filesDir, { recursive: true, force: true });
});

describe('retention of customer data', () => {
  it('anonymises what is past the retention and keeps every figure', async () => {
    const ana = await customer(org, 'Ana');
    const bea = await customer(org, 'Bea');
    const carl = await customer(other, 'Carl');
    const anaOld = await served(org, OLD, ana);
    const beaOld = await served(org, OLD, bea);
    const beaRecent = await served(org, RECENT, bea);
    const carlOld = await served(other, OLD, carl);
    const open = await served(org, OLD, await customer(org, 'Dora'), 'calling');
    const before = { org: await figures(org), other: await figures(other) };
    const anaFile = (
      await db('files')
        .join('video_rooms as r', 'r.id', 'files.room_id')
        .where('r.ticket_id', anaOld)
        .first('files.storage_key')
    ).storage_key;

    expect(await anonymiseExpired(db, { now: NOW, filesDir })).toEqual({ tickets: 2, customers: 1, files: 2 });

    // The figures: every report reads the same.
    expect(await figures(org)).toEqual(before.org);
    expect(await figures(other)).toEqual(before.other);
    // Ana: nothing since the cut-off; Bea came back in October and keeps her data.
    expect(await customerRow(ana)).toMatchObject({
      first_name: '',
      last_name: '',
      email: null,
      id_number: null,
      phone: null,
    });
    expect((await customerRow(ana))!.anonymised_at).not.toBeNull();
    expect(await customerRow(bea)).toMatchObject({ first_name: 'Bea', email: 'Bea@x.test', anonymised_at: null });
    expect(await customerRow(carl)).toMatchObject({ first_name: 'Carl', anonymised_at: null });
    // Ana's old ticket: the free text and her name as actor are gone, the references stay.
    const steps = await events(anaOld);
    expect(steps.map((s) => s.type)).toEqual(['created', 'called', 'attending', 'note', 'finished']);
    expect(steps[0]).toMatchObject({
      actor_name: null,
      details: { number: expect.any(String), kind: 'virtual', serviceId: org.services[0]!.id },
    });
    expect(steps[1]).toMatchObject({
      actor_name: 'Agent0 T',
      details: { agentId: org.agents[0]!.id, deskId: org.deskIds[0] },
    });
    expect(steps[3]!.details).toEqual({ anonymised: true });
    expect(steps[4]!.details).toEqual({ topicIds: [org.services[0]!.topicIds[0]] });
    const room = db('video_rooms').where({ ticket_id: anaOld }).select('id');
    expect(await db('chat_messages').whereIn('room_id', room).orderBy('id').pluck('body')).toEqual(['', null]);
    expect(await db('tags').whereIn('room_id', room).pluck('body')).toEqual(['']);
    expect(await db('files').whereIn('room_id', room).pluck('name')).toEqual(['']);
    await expect(fs.access(path.join(filesDir, anaFile))).rejects.toThrow();
    expect(await db('surveys').where({ ticket_id: anaOld }).first('score', 'comment')).toEqual({
      score: 2,
      comment: null,
    });
    expect(await db('messages').where({ ticket_id: anaOld }).first('recipient', 'subject', 'body', 'status')).toEqual({
      recipient: null,
      subject: null,
      body: null,
      status: 'sent',
    });
    expect(await db('messages').where({ ticket_id: beaRecent }).first('recipient')).toEqual({
      recipient: 'ana.perez@correo.demo',
    });
    expect(await db('surveys').where({ ticket_id: beaRecent }).first('comment')).toEqual({
      comment: 'Me atendió Agent0, esperé mucho',
    });
    // Untouched: a ticket of the retained months, another entity's, and one still open.
    for (const t of [beaRecent, carlOld, open]) {
      expect((await events(t))[0]).toMatchObject({ actor_name: 'Ana Pérez' });
      expect(await db('tickets').where({ id: t }).first('anonymised_at')).toEqual({ anonymised_at: null });
    }
    expect(await db('tickets').where({ id: beaOld }).first('anonymised_at')).not.toEqual({ anonymised_at: null });
    // Idempotent: the next pass finds nothing to do.
    expect(await anonymiseExpired(db, { now: NOW, filesDir })).toEqual({ tickets: 0, customers: 0, files: 0 });
  });
});
