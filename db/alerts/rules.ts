// Which thresholds apply to a service or a branch: its own rule, else its branch's, else the
// entity-wide one, else domain/alerts.ts defaults. The rules are few; one read per pass.
import type { Knex } from 'knex';
import type { Db } from '../knex.js';
import { ALERT_DEFAULTS, type AlertThresholds } from '../../domain/alerts.js';

interface RuleRow {
  entity_id: number;
  branch_id: number | null;
  service_id: number | null;
  sla_breach: boolean;
  queue_length_max: number | null;
  unserved_after_seconds: number | null;
  break_over_cap: boolean;
  stuck_work: boolean;
  low_score_max: number | null;
}

export interface RuleBook {
  /** Thresholds for a service (its rule, its branch's, the entity's, defaults). */
  forService(entityId: number, branchId: number, serviceId: number): AlertThresholds;
  /** Thresholds for branch-level alerts (breaks, stuck work): service rules do not apply. */
  forBranch(entityId: number, branchId: number): AlertThresholds;
}

const thresholds = (r: RuleRow): AlertThresholds => ({
  slaBreach: r.sla_breach,
  queueLengthMax: r.queue_length_max,
  unservedAfterSeconds: r.unserved_after_seconds,
  breakOverCap: r.break_over_cap,
  stuckWork: r.stuck_work,
  lowScoreMax: r.low_score_max,
});

/** `entityId`: only that entity's rules (one answer's threshold), else every entity's (a pass). */
export async function loadRuleBook(db: Db | Knex.Transaction, entityId?: number): Promise<RuleBook> {
  const rows: RuleRow[] = await db('alert_rules')
    .modify((q) => void (entityId === undefined ? q : q.where({ entity_id: entityId })))
    .select('*');
  const by = new Map(rows.map((r) => [`${r.entity_id}:${r.branch_id ?? 0}:${r.service_id ?? 0}`, thresholds(r)]));
  const forBranch = (entityId: number, branchId: number): AlertThresholds =>
    by.get(`${entityId}:${branchId}:0`) ?? by.get(`${entityId}:0:0`) ?? { ...ALERT_DEFAULTS };
  return {
    forBranch,
    forService: (entityId, branchId, serviceId) =>
      by.get(`${entityId}:${branchId}:${serviceId}`) ??
      by.get(`${entityId}:0:${serviceId}`) ??
      forBranch(entityId, branchId),
  };
}
