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
  cfg.policy === 'fifo'
    ? 0
    : cfg.policy === 'age_boost'
      ? e.priority + Math.floor((now - Date.parse(e.arrivalAt)) / 60_000 / cfg.ageBoostMinutes)
      : e.priority;

/** True when interleave says a normal ticket's turn has come. */
export const normalsTurn = (cfg: PolicyConfig, recent: RecentCalls): boolean =>
  cfg.policy === 'interleave' && recent.priorityStreak >= cfg.interleaveRatio;

/** The waiting tickets in the order they would be served. Ties go to the earlier arrival. */
export function orderQueue<E extends QueueEntry>(
  entries: E[],
  cfg: PolicyConfig,
  now: number,
  recent: RecentCalls = { priorityStreak: 0 },
): E[] {
  const normalsFirst = normalsTurn(cfg, recent);
  return [...entries].sort((a, b) => {
    if (normalsFirst && a.priority > 0 !== b.priority > 0) return a.priority > 0 ? 1 : -1;
    const byPriority = effectivePriority(b, cfg, now) - effectivePriority(a, cfg, now);
    if (!normalsFirst && byPriority !== 0) return byPriority;
    return Date.parse(a.arrivalAt) - Date.parse(b.arrivalAt) || a.id.localeCompare(b.id);
  });
}

const minutes = (ms: number) => Math.max(0, Math.round(ms / 60_000));

/**
 * "Why is this next" as data: each UI words it in its own language (`next.<code>` in its
 * dictionaries). `waited` is in minutes; `ratio` and `streak` are interleave's N and the
 * priority tickets served in a row.
 */
export type NextReason =
  | { code: 'fifo'; params: { number: string; waited: number } }
  | { code: 'priority'; params: { number: string; level: number; waited: number } }
  | { code: 'arrival'; params: { number: string; waited: number } }
  | { code: 'age_boost'; params: { number: string; effective: number; level: number; minutes: number; waited: number } }
  | { code: 'interleave_normal'; params: { number: string; streak: number; ratio: number; waited: number } }
  | { code: 'interleave_priority'; params: { number: string; level: number; ratio: number; streak: number } }
  | { code: 'interleave_arrival'; params: { number: string; ratio: number; streak: number } }
  /** A9: a ticket transferred to this agent by name is offered to them first. */
  | { code: 'transferred'; params: { number: string } }
  /** A6: from a support service, because the agent's main services have nobody waiting. */
  | { code: 'support'; params: { number: string } };
export type NextCode = NextReason['code'];

/** Every reason with its params, at run time: the dictionary test checks each UI words them all. */
export const NEXT_REASON_PARAMS: { [C in NextCode]: readonly (keyof Extract<NextReason, { code: C }>['params'])[] } = {
  fifo: ['number', 'waited'],
  priority: ['number', 'level', 'waited'],
  arrival: ['number', 'waited'],
  age_boost: ['number', 'effective', 'level', 'minutes', 'waited'],
  interleave_normal: ['number', 'streak', 'ratio', 'waited'],
  interleave_priority: ['number', 'level', 'ratio', 'streak'],
  interleave_arrival: ['number', 'ratio', 'streak'],
  transferred: ['number'],
  support: ['number'],
};

/** "Why is this next" for a supervisor or the agent: the next ticket and the rule that put it there. */
export function explainNext(
  entries: QueueEntry[],
  cfg: PolicyConfig,
  now: number,
  recent: RecentCalls = { priorityStreak: 0 },
): NextReason | null {
  const [next] = orderQueue(entries, cfg, now, recent);
  if (!next) return null;
  const number = next.number;
  const waited = minutes(now - Date.parse(next.arrivalAt));
  switch (cfg.policy) {
    case 'fifo':
      return { code: 'fifo', params: { number, waited } };
    case 'priority':
      return next.priority > 0
        ? { code: 'priority', params: { number, level: next.priority, waited } }
        : { code: 'arrival', params: { number, waited } };
    case 'age_boost':
      return {
        code: 'age_boost',
        params: {
          number,
          effective: effectivePriority(next, cfg, now),
          level: next.priority,
          minutes: cfg.ageBoostMinutes,
          waited,
        },
      };
    case 'interleave': {
      const ratio = cfg.interleaveRatio;
      const streak = recent.priorityStreak;
      if (normalsTurn(cfg, recent)) return { code: 'interleave_normal', params: { number, streak, ratio, waited } };
      return next.priority > 0
        ? { code: 'interleave_priority', params: { number, level: next.priority, ratio, streak } }
        : { code: 'interleave_arrival', params: { number, ratio, streak } };
    }
  }
}
