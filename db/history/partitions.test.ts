// Issue 18: the partitioned timeline. A database with history from before the partitions is
// migrated (every step lands in its ticket's month), a step is still written once (its key with
// the ticket's day is as strict as the old (ticket_id, seq)), and months that landed in the default
// partition get a partition of their own.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import '../types.js';
import { createDb, type Db } from '../knex.js';
import { migrationSource } from '../migrations/index.js';
import { ensureDatabase } from '../../runtime/postgres.js';
import { createOrg, type Org } from '../../tests/support/fixtures.js';
import { ensureTimelinePartitions } from './partitions.js';

let db: Db;
let org: Org;

async function ticket(day: string): Promise<string> {
  const id = randomUUID();
  const seq = Math.floor(Math.random() * 1e6);
  await db('tickets').insert({
    id,
    entity_id: org.entityId,
    branch_id: org.branchId,
    service_id: org.services[0]!.id,
    numbered_service_id: org.services[0]!.id,
    kind: 'turn',
    status: 'waiting',
    service_day: day,
    seq,
    number: `A-${seq}`,
    arrival_at: `${day}T15:00:00Z`,
    workflow_id: `ticket-${id}`,
    last_event_seq: 1,
  });
  return id;
}
const step = (ticketId: string, seq: number, day?: string) => ({
  ticket_id: ticketId,
  ...(day ? { service_day: day } : {}),
  seq,
  type: 'created',
  to_status: 'waiting',
  actor_type: 'system',
  at: new Date(),
});
const partitionOf = async (ticketId: string): Promise<string[]> =>
  (
    await db('ticket_events')
      .where({ ticket_id: ticketId })
      .orderBy('seq')
      .select(db.raw('tableoid::regclass::text as p'))
  ).map((r: { p: string }) => r.p);

beforeAll(async () => {
  db = createDb(await ensureDatabase(inject('pgUrl'), `vt_parts_${randomUUID().slice(0, 8)}`), 4);
  // The schema as it was before the partitions, with history in it.
  while (true) {
    const [, pending] = (await db.migrate.list({ migrationSource })) as [unknown, { file?: string }[]];
    const next = pending.map((p) => migrationSource.getMigrationName(p as never)).sort()[0];
    if (!next || next >= '20261204_019') break;
    await db.migrate.up({ migrationSource });
  }
});
afterAll(async () => db?.destroy());

describe('the partitioned timeline', () => {
  let old: string, recent: string;

  it('migrates existing history into the month of each ticket', async () => {
    org = await createOrg(db);
    old = await ticket('2025-03-10');
    recent = await ticket(new Date().toISOString().slice(0, 10));
    await db('ticket_events').insert([step(old, 1), step(old, 2), step(recent, 1)]);
    await db.migrate.latest({ migrationSource });
    expect(await partitionOf(old)).toEqual(['ticket_events_y2025m03', 'ticket_events_y2025m03']);
    const month = new Date().toISOString().slice(0, 7).replace('-', 'm');
    expect(await partitionOf(recent)).toEqual([`ticket_events_y${month}`]);
  });

  it('writes a step once: a retry is ignored, and a step can only carry its own ticket day', async () => {
    const retried = await db('ticket_events')
      .insert(step(old, 2, '2025-03-10'))
      .onConflict(['ticket_id', 'seq', 'service_day'])
      .ignore()
      .returning('id');
    expect(retried).toEqual([]);
    // Another day would dodge the key; the foreign key to (tickets.id, service_day) refuses it.
    await expect(db('ticket_events').insert(step(old, 2, '2025-04-10'))).rejects.toMatchObject({
      constraint: 'ticket_events_ticket_foreign',
    });
  });

  it('gives a month that landed in the default partition a partition of its own, and creates months ahead', async () => {
    const early = await ticket('2023-07-04');
    await db('ticket_events').insert(step(early, 1, '2023-07-04'));
    expect(await partitionOf(early)).toEqual(['ticket_events_default']);
    const created = await ensureTimelinePartitions(db, { now: new Date('2030-01-15T00:00:00Z') });
    expect(created).toContain('ticket_events_y2023m07');
    expect(created).toEqual(expect.arrayContaining(['ticket_events_y2030m01', 'ticket_events_y2030m04']));
    expect(await partitionOf(early)).toEqual(['ticket_events_y2023m07']);
    expect(await db('ticket_events_default').count({ n: '*' })).toEqual([{ n: 0 }]);
    expect(await ensureTimelinePartitions(db, { now: new Date('2030-01-15T00:00:00Z') })).toEqual([]);
  });
});
