// Issue 20: a low satisfaction answer (≤ LOW_SCORE) alerts the branch's supervisors — for now as an
// A2 notification (one per ticket and supervisor: changing the answer does not alert twice). The
// one place a low score turns into an alert, so alerts can take it over.
import type { Knex } from 'knex';
import { ADMIN_ROLES } from '../../domain/agents.js';
import { LOW_SCORE_NOTIFICATION } from '../../domain/surveys.js';
import { addNotifications } from '../notifications.js';

export interface LowScoreFact {
  ticketId: string;
  number: string;
  entityId: number;
  branchId: number;
  serviceName: string;
  agentId: number | null;
  score: number;
  comment: string | null;
}

/** Notifies the branch's supervisors and the entity's admins and branch-less supervisors; returns how many were added. */
export async function raiseLowScore(trx: Knex.Transaction, f: LowScoreFact): Promise<number> {
  const supervisors: number[] = await trx('users')
    .where({ entity_id: f.entityId, active: true })
    .whereIn('role', ['supervisor', ...ADMIN_ROLES])
    .where((w) => w.where('branch_id', f.branchId).orWhereNull('branch_id'))
    .pluck('id');
  const agent: { name: string } | undefined = f.agentId
    ? await trx('users').where({ id: f.agentId }).first(trx.raw(`trim(first_name || ' ' || last_name) as name`))
    : undefined;
  return addNotifications(
    trx,
    f.entityId,
    supervisors.map((user_id) => ({
      user_id,
      type: LOW_SCORE_NOTIFICATION,
      title: `${f.number}: satisfaction ${f.score}/5`,
      body: [`${f.serviceName}${agent ? `, ${agent.name}` : ''}`, f.comment].filter(Boolean).join(' — '),
      data: { ticketId: f.ticketId, number: f.number, score: f.score, agentId: f.agentId, comment: f.comment },
      dedupe_key: `survey-low:${f.ticketId}`,
    })),
  );
}
