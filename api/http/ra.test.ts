// Issue 18: list totals are counted up to a cap, so a year of tickets is not read to say "of N".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStack, type TestStack } from '../../tests/support/stack.js';
import { cappedCount } from './ra.js';

let s: TestStack;
beforeAll(async () => {
  s = await createTestStack();
});
afterAll(() => s?.close());

describe('list totals', () => {
  const fifty = () => s.db.select('n').from(s.db.raw('generate_series(1, 50) as n')).orderBy('n', 'desc');
  it('counts exactly below the cap', async () => {
    expect(await cappedCount(s.db, fifty(), 100)).toEqual({ total: 50, capped: false });
    expect(await cappedCount(s.db, fifty(), 50)).toEqual({ total: 50, capped: false });
  });
  it('stops at the cap and says so', async () => {
    expect(await cappedCount(s.db, fifty(), 10)).toEqual({ total: 10, capped: true });
    expect(await cappedCount(s.db, fifty().where('n', '>', 45), 10)).toEqual({ total: 5, capped: false });
  });
});
