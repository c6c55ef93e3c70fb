// Issue 20: a low satisfaction answer raises a low_score alert (domain/alerts.ts) through the same
// path as every alert (db/alerts/record.ts): the supervisors' notification, the monitor, the bell,
// the webhook alert.raised and the history. Its threshold is the alert rule's lowScoreMax for the
// ticket's service (null: none). An event, not a condition: it stays open until a supervisor
// acknowledges it, and changing the answer raises nothing twice (the open alert's figures follow).
import type { Knex } from 'knex';
import type { Alert } from '../../domain/alerts.js';
import { loadRuleBook } from '../alerts/rules.js';
import { raiseEventAlert } from '../alerts/record.js';

export interface LowScoreFact {
  ticketId: string;
  number: string;
  entityId: number;
  branchId: number;
  serviceId: number;
  serviceLabel: string;
  serviceName: string;
  agentId: number | null;
  score: number;
  comment: string | null;
}

/** How much of the comment the alert carries: enough to read at a glance, the rest is in Satisfacción. */
export const COMMENT_EXCERPT = 80;
const excerpt = (c: string | null): string | null =>
  c === null ? null : c.length > COMMENT_EXCERPT ? `${c.slice(0, COMMENT_EXCERPT - 1).trimEnd()}…` : c;

/** Raises (or updates, while open) the ticket's low_score alert if the score is low for its service. */
export async function raiseLowScore(trx: Knex.Transaction, f: LowScoreFact): Promise<Alert | null> {
  const rule = (await loadRuleBook(trx, f.entityId)).forService(f.entityId, f.branchId, f.serviceId);
  if (rule.lowScoreMax === null || f.score > rule.lowScoreMax) return null;
  const agent: { name: string } | undefined = f.agentId
    ? await trx('users').where({ id: f.agentId }).first(trx.raw(`trim(first_name || ' ' || last_name) as name`))
    : undefined;
  return raiseEventAlert(trx, {
    kind: 'low_score',
    subject: `survey:${f.ticketId}`,
    entityId: f.entityId,
    branchId: f.branchId,
    serviceId: f.serviceId,
    userId: f.agentId,
    shiftId: null,
    ticketId: f.ticketId,
    params: {
      number: f.number,
      score: f.score,
      service: `${f.serviceLabel} · ${f.serviceName}`,
      agent: agent?.name ?? null,
      comment: excerpt(f.comment),
    },
  });
}
