// Which waiting tickets an agent may be given (A5, A6, transfers to a named agent), as knex
// predicates shared by the claim, the ticket-side offer and the A9 waiting list.
import type { Knex } from 'knex';
import type { Db } from '../knex.js';

export interface AgentServices {
  main: number[];
  support: number[];
}

export async function servicesOf(db: Db | Knex.Transaction, userId: number): Promise<AgentServices> {
  const rows: { service_id: number; kind: 'main' | 'support' }[] = await db('service_assignments as a')
    .join('services as s', 's.id', 'a.service_id')
    .where({ 'a.user_id': userId, 's.active': true })
    .select('a.service_id', 'a.kind');
  return {
    main: rows.filter((r) => r.kind === 'main').map((r) => r.service_id),
    support: rows.filter((r) => r.kind === 'support').map((r) => r.service_id),
  };
}

/**
 * Waiting tickets (alias `t`) of `serviceIds` in the branch that `agentId` may take. A ticket
 * transferred to a named agent waits for that agent while they are Online (offered to them
 * first, whatever its service); if they are not, anyone serving the service may take it.
 * Tickets another open shift has reserved (claimed, call in flight) are left to it.
 */
export function eligibleFor(
  db: Db | Knex.Transaction,
  q: Knex.QueryBuilder,
  agentId: number,
  branchId: number,
  serviceIds: number[],
  withPreferred: boolean,
): Knex.QueryBuilder {
  return (
    q
      .where('t.status', 'waiting')
      .andWhere('t.branch_id', branchId)
      .andWhere((w) => {
        w.whereIn('t.service_id', serviceIds.length ? serviceIds : [-1]);
        if (withPreferred) w.orWhere('t.preferred_agent_id', agentId);
      })
      .andWhere((w) =>
        w
          .whereNull('t.preferred_agent_id')
          .orWhere('t.preferred_agent_id', agentId)
          .orWhereNotExists(
            db('shifts as p')
              .whereRaw('p.user_id = t.preferred_agent_id')
              .whereNull('p.ended_at')
              .where('p.state', 'online')
              .select(db.raw('1')),
          ),
      )
      .whereNotExists(
        db('shifts as r')
          .whereRaw('r.current_ticket_id = t.id')
          .whereNull('r.ended_at')
          .whereNot('r.user_id', agentId)
          .select(db.raw('1')),
      )
      // A ticket whose workflow is gone waits for a supervisor's release, not for an agent.
      .whereNotExists(
        db('stuck_work as w').whereRaw('w.ticket_id = t.id').where('w.reason', 'workflow_closed').select(db.raw('1')),
      )
  );
}

/** Whether anyone this agent may serve waits now (but `exclude`), counting tickets other transactions hold locked. */
export async function anyWaitingFor(
  db: Db | Knex.Transaction,
  agentId: number,
  branchId: number,
  exclude: string[] = [],
): Promise<boolean> {
  const s = await servicesOf(db, agentId);
  const found = await eligibleFor(db, db('tickets as t'), agentId, branchId, [...s.main, ...s.support], true)
    .whereNotIn('t.id', exclude.length ? exclude : ['00000000-0000-0000-0000-000000000000'])
    .first('t.id');
  return found !== undefined;
}
