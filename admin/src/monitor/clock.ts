// Issue 19: the monitor's clocks tick every second, counted from the server's time. The snapshot
// says how long each wait or state had lasted when the server answered; the page adds the time
// since it received that answer (its own steady clock), never the browser's time of day, which
// may be minutes off the server's.
import { useEffect, useState } from 'react';

/** Now, once a second: one clock for the whole page. */
export function useNow(everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), everyMs);
    return () => window.clearInterval(id);
  }, [everyMs]);
  return now;
}

/**
 * Seconds as the server counted them at `receivedAt` (this page's clock when the answer came),
 * carried on to `now`. Null stays null (nothing to count).
 */
export const ticking = (seconds: number | null, receivedAt: number, now: number): number | null =>
  seconds === null ? null : seconds + Math.max(0, Math.floor((now - receivedAt) / 1000));
