// Break caps (A3/H3): entity-level maximum minutes per break state, and the supervisor
// notification when a break runs over. The dedupe key is the state period, so a retried
// activity (or a replayed timer) adds no second row.
import type { Db } from '../../db/knex.js';
import { EVENTS_CHANNEL } from '../../db/knex.js';
import { ADMIN_ROLES, type AgentState } from '../../domain/agents.js';
import type { BreakCapFact, ShiftConfig } from '../../domain/shift-activities.js';
import { BREAK_CAP_NOTIFICATION } from '../../domain/shift-messages.js';

export async function loadShiftConfig(db: Db, entityId: number): Promise<ShiftConfig> {
  const rows = (await db('break_caps').where({ entity_id: entityId }).select('state', 'max_minutes')) as { state: AgentState; max_minutes: number }[];
  return { caps: Object.fromEntries(rows.map((r) => [r.state, r.max_minutes])) };
}

/** Notifies the branch's supervisors and the entity's admins and branch-less supervisors. */
export async function notifyBreakCap(db: Db, f: BreakCapFact): Promise<number> {
  return db.transaction(async (trx) => {
    const agent = await trx('users').where({ id: f.userId }).first('first_name', 'last_name');
    const name = agent ? `${agent.first_name as string} ${agent.last_name as string}` : `Agent ${f.userId}`;
    const supervisors = (await trx('users').where({ entity_id: f.entityId, active: true }).whereIn('role', ['supervisor', ...ADMIN_ROLES])
      .where((w) => w.where('branch_id', f.branchId).orWhereNull('branch_id')).pluck('id')) as number[];
    if (!supervisors.length) return 0;
    const rows = supervisors.map((user_id) => ({
      entity_id: f.entityId, user_id, type: BREAK_CAP_NOTIFICATION,
      title: `${name}: ${f.state} over ${f.capMinutes} min`,
      body: `In ${f.state} since ${f.since}; the cap is ${f.capMinutes} minutes.`,
      data: JSON.stringify({ shiftId: f.shiftId, userId: f.userId, state: f.state, since: f.since, capMinutes: f.capMinutes }),
      dedupe_key: `shift-cap:${f.shiftId}:${f.periodSeq}`,
    }));
    const inserted = await trx('notifications').insert(rows).onConflict(['user_id', 'dedupe_key']).ignore().returning(['id', 'user_id']);
    for (const n of inserted) {
      await trx.raw('select pg_notify(?, ?)', [EVENTS_CHANNEL, JSON.stringify({ kind: 'notification', userId: n.user_id, id: n.id, entityId: f.entityId })]);
    }
    return inserted.length;
  });
}
