// The desk's clocks count by the server's time, narrowed from the answers' Date headers (issue 16).
import { describe, expect, it, vi } from 'vitest';

const fresh = async () => {
  vi.resetModules();
  return import('./serverClock');
};

describe('serverClock', () => {
  it("is this computer's clock until an answer came", async () => {
    const { serverNow } = await fresh();
    expect(Math.abs(serverNow() - Date.now())).toBeLessThan(50);
  });

  it('counts by the server when this computer is an hour fast, within the window the answers leave', async () => {
    const { noteServerDate, serverNow } = await fresh();
    const server = Date.parse('2026-11-30T15:00:00.400Z');
    const local = server + 3_600_000;
    // Sent at local, answered 100 ms later; the header says 15:00:00 (its whole second).
    noteServerDate(new Date(server).toUTCString(), local, local + 100);
    // The server's stamp lies in [15:00:00.000, 15:00:01.000) and was read in a 100 ms round trip.
    vi.spyOn(Date, 'now').mockReturnValue(local + 100);
    const first = serverNow();
    expect(Math.abs(first - (server + 100))).toBeLessThanOrEqual(600);
    // A second answer half a second later narrows it.
    noteServerDate(new Date(server + 1000).toUTCString(), local + 700, local + 760);
    vi.spyOn(Date, 'now').mockReturnValue(local + 760);
    expect(Math.abs(serverNow() - (server + 760))).toBeLessThanOrEqual(400);
    vi.restoreAllMocks();
  });

  it('starts again when a clock was set meanwhile, and ignores an answer without a date', async () => {
    const { noteServerDate, serverNow } = await fresh();
    const t = Date.parse('2026-11-30T15:00:00.000Z');
    noteServerDate(new Date(t).toUTCString(), t, t + 50);
    noteServerDate(null, t + 100, t + 150);
    noteServerDate('not a date', t + 100, t + 150);
    // This computer's clock jumps two hours back: the old window no longer meets the new one.
    const back = t - 7_200_000;
    noteServerDate(new Date(t + 1000).toUTCString(), back + 1000, back + 1050);
    vi.spyOn(Date, 'now').mockReturnValue(back + 1050);
    expect(Math.abs(serverNow() - (t + 1050))).toBeLessThanOrEqual(600);
    vi.restoreAllMocks();
  });
});
