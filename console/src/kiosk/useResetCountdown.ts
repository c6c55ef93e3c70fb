// Issue 17: the ticket screen goes back to the start by itself, so the next customer finds the
// kiosk ready — but it says so first. The last WARN_MS are a visible countdown with a way to keep
// the screen (WCAG 2.2.1: a warning, and at least 20 seconds to extend with one simple action).
import { useCallback, useEffect, useState } from 'react';

/** Quiet time first: most customers scan the code or note the number within it. */
export const QUIET_MS = 20_000;
export const WARN_MS = 20_000;
const TICK_MS = 250;

/** Calls `onReset` after QUIET_MS + WARN_MS; `secondsLeft` is set while the warning shows; `keep` starts over. */
export function useResetCountdown(onReset: () => void): { secondsLeft: number | undefined; keep(): void } {
  const [deadline, setDeadline] = useState(() => Date.now() + QUIET_MS + WARN_MS);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), TICK_MS);
    return () => window.clearInterval(id);
  }, []);
  const left = deadline - now;
  const expired = left <= 0;
  useEffect(() => {
    if (expired) onReset();
  }, [expired, onReset]);
  const keep = useCallback(() => {
    const at = Date.now();
    setNow(at);
    setDeadline(at + QUIET_MS + WARN_MS);
  }, []);
  return { secondsLeft: left <= WARN_MS ? Math.max(0, Math.ceil(left / 1000)) : undefined, keep };
}
