// H5, issue 17: the status page's estimated wait (pure logic, no I/O).
import { describe, expect, it } from 'vitest';
import { estimateWaitMinutes } from './wait-estimate.js';

const now = new Date('2026-11-24T15:00:00Z');
const minutesAgo = (...m: number[]) => m.map((x) => new Date(now.getTime() - x * 60_000));

describe('H5: estimated wait on the status page', () => {
  it('is the pace of the recent calls times the people ahead (and this one), rounded up to 5 minutes', () => {
    // Four calls in the last 20 minutes: one every 5; three ahead → called in about 20.
    expect(estimateWaitMinutes(3, minutesAgo(2, 8, 14, 20), now)).toBe(20);
    // Next in line with a call every 5 minutes: about 5, never "0".
    expect(estimateWaitMinutes(0, minutesAgo(2, 8, 14, 20), now)).toBe(5);
    expect(estimateWaitMinutes(0, minutesAgo(0, 0), now)).toBe(5);
  });

  it('gives no figure without a recent pace: fewer than two calls in the last hour', () => {
    expect(estimateWaitMinutes(2, [], now)).toBeNull();
    expect(estimateWaitMinutes(2, minutesAgo(3), now)).toBeNull();
    expect(estimateWaitMinutes(2, minutesAgo(3, 90, 120), now)).toBeNull();
  });

  it('follows the last ten calls, not the whole day', () => {
    const fast = minutesAgo(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    // Eleven and more earlier calls spread over the hour do not slow the pace of the last ten.
    expect(estimateWaitMinutes(9, [...fast, ...minutesAgo(30, 45, 59)], now)).toBe(10);
  });
});
