// Queue ordering (H1): which waiting ticket is next, and why. Pure: the dispatcher's SQL claim
// orders by the same keys (activities/dispatch), and a test keeps the two in agreement.
import type { OrderingPolicy } from './ordering.js';

export interface QueueEntry {
  id: string;
  number: string;
  priority: number; // 0 = normal
  arrivalAt: string;
}

export interface PolicyConfig {
  policy: OrderingPolicy;
  /** interleave: after this many priority tickets in a row, one normal ticket goes first. */
  interleaveRatio: number;
  /** age_boost: a ticket gains one priority level per this many minutes of waiting. */
  ageBoostMinutes: number;
}

/** What the branch served lately, for interleave: priority tickets called in a row. */
export interface RecentCalls {
  priorityStreak: number;
}

export const effectivePriority = (e: QueueEntry, cfg: PolicyConfig, now: number): number =>
  cfg.policy === 'fifo' ? 0
    : cfg.policy === 'age_boost' ? e.priority + Math.floor((now - Date.parse(e.arrivalAt)) / 60_000 / cfg.ageBoostMinutes)
      : e.priority;

/** True when interleave says a normal ticket's turn has come. */
export const normalsTurn = (cfg: PolicyConfig, recent: RecentCalls): boolean =>
  cfg.policy === 'interleave' && recent.priorityStreak >= cfg.interleaveRatio;

/** The waiting tickets in the order they would be served. Ties go to the earlier arrival. */
export function orderQueue<E extends QueueEntry>(entries: E[], cfg: PolicyConfig, now: number, recent: RecentCalls = { priorityStreak: 0 }): E[] {
  const normalsFirst = normalsTurn(cfg, recent);
  return [...entries].sort((a, b) => {
    if (normalsFirst && (a.priority > 0) !== (b.priority > 0)) return a.priority > 0 ? 1 : -1;
    const byPriority = effectivePriority(b, cfg, now) - effectivePriority(a, cfg, now);
    if (!normalsFirst && byPriority !== 0) return byPriority;
    return Date.parse(a.arrivalAt) - Date.parse(b.arrivalAt) || a.id.localeCompare(b.id);
  });
}

const minutes = (ms: number) => Math.max(0, Math.round(ms / 60_000));

/** "Why is this next": one sentence a supervisor can read. */
export function explainNext(entries: QueueEntry[], cfg: PolicyConfig, now: number, recent: RecentCalls = { priorityStreak: 0 }): string | null {
  const [next] = orderQueue(entries, cfg, now, recent);
  if (!next) return null;
  const waited = minutes(now - Date.parse(next.arrivalAt));
  switch (cfg.policy) {
    case 'fifo':
      return `${next.number} arrived first (waiting ${waited} min); this branch serves in arrival order.`;
    case 'priority':
      return next.priority > 0
        ? `${next.number} has priority level ${next.priority}; priority tickets go first, then by arrival (waiting ${waited} min).`
        : `${next.number} arrived first among the tickets without priority (waiting ${waited} min).`;
    case 'age_boost':
      return `${next.number} has effective priority ${effectivePriority(next, cfg, now)} (level ${next.priority} + 1 per ${cfg.ageBoostMinutes} min waited; waiting ${waited} min).`;
    case 'interleave':
      return normalsTurn(cfg, recent)
        ? `${recent.priorityStreak} priority tickets were served in a row; with ${cfg.interleaveRatio}:1 interleave a normal ticket goes now: ${next.number} arrived first (waiting ${waited} min).`
        : `${next.number} ${next.priority > 0 ? `has priority level ${next.priority}` : 'arrived first'}; ${cfg.interleaveRatio}:1 interleave serves priority first until ${cfg.interleaveRatio} in a row (now ${recent.priorityStreak}).`;
  }
}
