// The server's time, as this screen can know it: a clock that counts from a server timestamp
// (a state's start, a call's start) must not count from this computer's clock, which may be
// minutes or hours off (issue 16: an agent's PC an hour fast showed 1:00:05 in a new state).
// Every API answer carries the HTTP `Date` header, the server's whole second when it answered,
// stamped somewhere between our request going out and the answer coming back. Each answer narrows
// the window in which the offset between the two clocks can lie; its middle is our estimate.

let low = -Infinity;
let high = Infinity;

/** Narrows the offset from one answer: `sentAt` and `receivedAt` by this computer's clock. */
export function noteServerDate(dateHeader: string | null, sentAt: number, receivedAt: number): void {
  const stamped = dateHeader ? Date.parse(dateHeader) : NaN;
  if (!Number.isFinite(stamped)) return;
  const lo = stamped - receivedAt;
  const hi = stamped + 1000 - sentAt;
  // Windows that no longer meet mean one of the clocks was set meanwhile: start again from this one.
  if (lo > high || hi < low) [low, high] = [lo, hi];
  else [low, high] = [Math.max(low, lo), Math.min(high, hi)];
}

/** The server's now, in ms since the epoch (this computer's until an answer came). */
export const serverNow = (): number => Date.now() + (Number.isFinite(low) ? (low + high) / 2 : 0);
