// H1: ordering policies and their explanation (pure logic, no I/O).
import { describe, expect, it } from 'vitest';
import { explainNext, orderQueue, type PolicyConfig, type QueueEntry } from './queue-order.js';

const t0 = Date.parse('2026-11-24T10:00:00Z');
const at = (min: number) => new Date(t0 + min * 60_000).toISOString();
const q: QueueEntry[] = [
  { id: 'a', number: 'A-001', priority: 0, arrivalAt: at(0) },
  { id: 'b', number: 'A-002', priority: 2, arrivalAt: at(5) },
  { id: 'c', number: 'A-003', priority: 0, arrivalAt: at(6) },
  { id: 'd', number: 'A-004', priority: 1, arrivalAt: at(8) },
];
const cfg = (policy: PolicyConfig['policy']): PolicyConfig => ({ policy, interleaveRatio: 2, ageBoostMinutes: 5 });
const ids = (l: QueueEntry[]) => l.map((e) => e.id).join('');

describe('H1 ordering policy', () => {
  it('fifo serves in arrival order whatever the priority', () => {
    expect(ids(orderQueue(q, cfg('fifo'), t0 + 10 * 60_000))).toBe('abcd');
  });
  it('priority first, then arrival', () => {
    expect(ids(orderQueue(q, cfg('priority'), t0 + 10 * 60_000))).toBe('bdac');
  });
  it('age boost lets a long wait overtake a higher level', () => {
    // at minute 10: a = 0 + 2, b = 2 + 1, c = 0 + 0, d = 1 + 0
    expect(ids(orderQueue(q, cfg('age_boost'), t0 + 10 * 60_000))).toBe('badc');
    // at minute 30: a = 6, b = 2 + 5 = 7, c = 4, d = 1 + 4 = 5
    expect(ids(orderQueue(q, cfg('age_boost'), t0 + 30 * 60_000))).toBe('badc');
    const late = [...q, { id: 'e', number: 'A-005', priority: 3, arrivalAt: at(29) }];
    expect(orderQueue(late, cfg('age_boost'), t0 + 30 * 60_000)[0]!.id).toBe('b');
  });
  it('N:1 interleave: priority first until N in a row, then one normal ticket', () => {
    expect(ids(orderQueue(q, cfg('interleave'), t0, { priorityStreak: 0 }))).toBe('bdac');
    expect(ids(orderQueue(q, cfg('interleave'), t0, { priorityStreak: 2 }))).toBe('acbd');
  });
  it('explains why a ticket is next, as a code and params each UI words', () => {
    expect(explainNext(q, cfg('priority'), t0 + 10 * 60_000)).toEqual({
      code: 'priority',
      params: { number: 'A-002', level: 2, waited: 5 },
    });
    expect(explainNext(q, cfg('interleave'), t0 + 10 * 60_000, { priorityStreak: 2 })).toEqual({
      code: 'interleave_normal',
      params: { number: 'A-001', streak: 2, ratio: 2, waited: 10 },
    });
    expect(explainNext([], cfg('fifo'), t0)).toBeNull();
  });
});
