// The branch's ordering policy (H1) as SQL. The ORDER BY mirrors domain/queue-order.ts
// orderQueue key for key (order.test.ts keeps the two in agreement on random queues):
//   fifo        arrival, id
//   priority    level desc, arrival, id
//   age_boost   level + floor(minutes waited / N) desc, arrival, id
//   interleave  after N priority calls in a row: normal before priority, then arrival, id;
//               otherwise as priority.
import type { Knex } from 'knex';
import type { Db } from '../knex.js';
import type { OrderingPolicy } from '../../domain/ordering.js';
import { normalsTurn, type PolicyConfig, type RecentCalls } from '../../domain/queue-order.js';

export async function loadPolicy(db: Db | Knex.Transaction, branchId: number): Promise<PolicyConfig> {
  const b: { ordering_policy: OrderingPolicy; interleave_ratio: number; age_boost_minutes: number } | undefined =
    await db('branches').where({ id: branchId }).first('ordering_policy', 'interleave_ratio', 'age_boost_minutes');
  if (!b) return { policy: 'fifo', interleaveRatio: 2, ageBoostMinutes: 10 };
  return { policy: b.ordering_policy, interleaveRatio: b.interleave_ratio, ageBoostMinutes: b.age_boost_minutes };
}

/** Interleave needs what the branch called lately: priority tickets in a row, newest first. */
export async function recentCalls(
  db: Db | Knex.Transaction,
  branchId: number,
  cfg: PolicyConfig,
): Promise<RecentCalls> {
  if (cfg.policy !== 'interleave') return { priorityStreak: 0 };
  const levels: number[] = await db('tickets')
    .where({ branch_id: branchId })
    .whereNotNull('called_at')
    .orderBy('called_at', 'desc')
    .limit(cfg.interleaveRatio)
    .pluck('priority');
  const firstNormal = levels.findIndex((l) => l === 0);
  return { priorityStreak: firstNormal === -1 ? levels.length : firstNormal };
}

/** ORDER BY for tickets aliased `t`, evaluated at `nowIso` (the same instant orderQueue gets). */
export function policyOrder(
  cfg: PolicyConfig,
  recent: RecentCalls,
  nowIso: string,
): { sql: string; bindings: (string | number)[] } {
  const tail = 't.arrival_at asc, t.id asc';
  if (cfg.policy === 'fifo') return { sql: tail, bindings: [] };
  if (cfg.policy === 'age_boost') {
    // Milliseconds waited, as JS computes now - Date.parse(arrival), floored per N minutes.
    return {
      sql: `(t.priority + floor(extract(epoch from (?::timestamptz - t.arrival_at)) * 1000 / 60000 / ?)) desc, ${tail}`,
      bindings: [nowIso, cfg.ageBoostMinutes],
    };
  }
  if (normalsTurn(cfg, recent)) return { sql: `(t.priority > 0) asc, ${tail}`, bindings: [] };
  return { sql: `t.priority desc, ${tail}`, bindings: [] };
}
