// Break caps (A3/H3): entity-level maximum minutes per break state, and the supervisor
// notification when a break runs over. The dedupe key is the state period, so a retried
// activity (or a replayed timer) adds no second row.
import type { Db } from '../../db/knex.js';
import { addNotifications } from '../../db/notifications.js';
import { ADMIN_ROLES, type AgentState } from '../../domain/agents.js';
import type { BreakCapFact, ShiftConfig } from '../../domain/shift-activities.js';
import { BREAK_CAP_NOTIFICATION } from '../../domain/shift-messages.js';

export async function loadShiftConfig(db: Db, entityId: number): Promise<ShiftConfig> {
  const rows: { state: AgentState; max_minutes: number }[] = await db('break_caps')
    .where({ entity_id: entityId })
    .select('state', 'max_minutes');
  return { caps: Object.fromEntries(rows.map((r) => [r.state, r.max_minutes])) };
}

/** Notifies the branch's supervisors and the entity's admins and branch-less supervisors. */
export async function notifyBreakCap(db: Db, f: BreakCapFact): Promise<number> {
  return db.transaction(async (trx) => {
    const agent: { first_name: string; last_name: string } | undefined = await trx('users')
      .where({ id: f.userId })
      .first('first_name', 'last_name');
    const name = agent ? `${agent.first_name} ${agent.last_name}` : `Agent ${f.userId}`;
    const supervisors: number[] = await trx('users')
      .where({ entity_id: f.entityId, active: true })
      .whereIn('role', ['supervisor', ...ADMIN_ROLES])
      .where((w) => w.where('branch_id', f.branchId).orWhereNull('branch_id'))
      .pluck('id');
    return addNotifications(
      trx,
      f.entityId,
      supervisors.map((user_id) => ({
        user_id,
        type: BREAK_CAP_NOTIFICATION,
        title: `${name}: ${f.state} over ${f.capMinutes} min`,
        body: `In ${f.state} since ${f.since}; the cap is ${f.capMinutes} minutes.`,
        data: { shiftId: f.shiftId, userId: f.userId, state: f.state, since: f.since, capMinutes: f.capMinutes },
        dedupe_key: `shift-cap:${f.shiftId}:${f.periodSeq}`,
      })),
    );
  });
}
