// H5, issue 17: the status page's "about how long" — the pace at which the service has been
// calling people lately, times the people still ahead. Pure: the API reads the call times.

/** Calls older than this say nothing about the pace now (a lunch break, a morning rush). */
export const PACE_WINDOW_MS = 60 * 60_000;
/** The last calls that set the pace: enough to smooth one slow attention, few enough to follow a change. */
export const PACE_CALLS = 10;

/**
 * Minutes until this customer is likely called, rounded up to 5; null while the service has not
 * called at least two people within the window (no pace to go by, and a guess would mislead).
 * `calledAt`: when the service's recent tickets were called, any order.
 */
export function estimateWaitMinutes(ahead: number, calledAt: readonly Date[], now: Date): number | null {
  const recent = calledAt
    .map((d) => d.getTime())
    .filter((t) => t <= now.getTime() && now.getTime() - t <= PACE_WINDOW_MS)
    .sort((a, b) => b - a)
    .slice(0, PACE_CALLS);
  if (recent.length < 2) return null;
  // n calls over the time from the oldest of them to now: one call every span / n.
  const perCall = (now.getTime() - recent.at(-1)!) / recent.length;
  const minutes = ((ahead + 1) * perCall) / 60_000;
  return Math.max(5, Math.ceil(minutes / 5) * 5);
}
