// H1: the claim's SQL ORDER BY and domain/queue-order.ts orderQueue rank every queue alike.
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../knex.js';
import { orderQueue, type PolicyConfig, type QueueEntry } from '../../domain/queue-order.js';
import { ORDERING_POLICIES } from '../../domain/ordering.js';
import { createTestStack, type TestStack } from '../../tests/support/stack.js';
import { createOrg, type Org } from '../../tests/support/fixtures.js';
import { policyOrder } from './order.js';

let s: TestStack;
let org: Org;
beforeAll(async () => {
  s = await createTestStack();
  org = await createOrg(s.db, { services: [{ label: 'Q' }] });
});
afterAll(() => s?.close());

const now = Date.parse('2026-11-24T12:00:00.000Z');

async function sqlOrder(db: Db, entries: QueueEntry[], cfg: PolicyConfig, streak: number): Promise<string[]> {
  await db('tickets').where({ branch_id: org.branchId }).delete();
  await db('tickets').insert(
    entries.map((e, i) => ({
      id: e.id,
      entity_id: org.entityId,
      branch_id: org.branchId,
      service_id: org.services[0]!.id,
      numbered_service_id: org.services[0]!.id,
      kind: 'turn',
      status: 'waiting',
      service_day: '2026-11-24',
      seq: i + 1,
      number: e.number,
      priority: e.priority,
      arrival_at: e.arrivalAt,
      workflow_id: `ticket-${e.id}`,
    })),
  );
  const order = policyOrder(cfg, { priorityStreak: streak }, new Date(now).toISOString());
  return (await db('tickets as t')
    .where('t.branch_id', org.branchId)
    .orderByRaw(order.sql, order.bindings)
    .pluck('t.id')) as string[];
}

const entry = fc.record({
  priority: fc.integer({ min: 0, max: 3 }),
  // Whole seconds and some exact ties, so both tie-breaks (arrival, then id) are exercised.
  minutesAgo: fc.integer({ min: 0, max: 90 }),
  second: fc.constantFrom(0, 0, 17, 59),
});

describe('H1 SQL order mirrors orderQueue', () => {
  it('H1: for every policy, random queues are ranked the same by PostgreSQL and by orderQueue', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(entry, { minLength: 1, maxLength: 12 }),
        fc.constantFrom(...ORDERING_POLICIES),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 0, max: 4 }),
        async (raw, policy, interleaveRatio, ageBoostMinutes, streak) => {
          const cfg: PolicyConfig = { policy, interleaveRatio, ageBoostMinutes };
          const entries: QueueEntry[] = raw.map((r, i) => ({
            id: randomUUID(),
            number: `Q-${String(i + 1).padStart(3, '0')}`,
            priority: r.priority,
            arrivalAt: new Date(now - r.minutesAgo * 60_000 - r.second * 1000).toISOString(),
          }));
          const expected = orderQueue(entries, cfg, now, { priorityStreak: streak }).map((e) => e.id);
          expect(await sqlOrder(s.db, entries, cfg, streak)).toEqual(expected);
        },
      ),
      { numRuns: 120 },
    );
  });
});
