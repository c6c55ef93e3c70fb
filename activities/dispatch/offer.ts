// A ticket started waiting (A5/A6): wake the shifts that may serve it. The ticket side never
// claims nor calls — each woken shift runs its own dispatch, which picks by the branch's order
// under its own row lock. So the shift is the one owner of what its agent serves, an offer made
// while a shift is mid-dispatch is never lost (the signal makes it dispatch again), and no
// dispatch calls back into another.
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { Db } from '../../db/knex.js';
import { ticketWaiting } from '../../domain/shift-messages.js';
import { HELD_STATUSES } from '../../domain/tickets.js';

/** Enough free agents to take the ticket even if the first ones pick others by their own order. */
const MAX_WOKEN = 8;

/**
 * Open, online, automatic shifts with no attention that may serve the ticket: preferred agent
 * first, then free longest.
 */
export async function freeShiftsFor(db: Db, ticketId: string, exceptAgentId?: number): Promise<string[]> {
  const t: { status: string; branch_id: number; service_id: number; preferred_agent_id: number | null } | undefined =
    await db('tickets').where({ id: ticketId }).first('status', 'branch_id', 'service_id', 'preferred_agent_id');
  if (!t || t.status !== 'waiting') return [];
  const rows: { workflow_id: string; user_id: number }[] = await db('shifts as s')
    .where({ 's.branch_id': t.branch_id, 's.state': 'online', 's.manual_mode': false })
    .whereNull('s.ended_at')
    .whereNull('s.current_ticket_id')
    .where((w) =>
      w
        .whereExists(
          db('service_assignments as a')
            .whereRaw('a.user_id = s.user_id')
            .where('a.service_id', t.service_id)
            .select(db.raw('1')),
        )
        .orWhere('s.user_id', t.preferred_agent_id ?? -1),
    )
    .whereNotExists(
      db('tickets as o').whereRaw('o.agent_id = s.user_id').whereIn('o.status', HELD_STATUSES).select(db.raw('1')),
    )
    .orderByRaw('(s.user_id = ?) desc', [t.preferred_agent_id ?? -1])
    .orderBy('s.state_since', 'asc')
    .limit(MAX_WOKEN + 1)
    .select('s.workflow_id', 's.user_id');
  // The agent who just let it go takes it back only when nobody else may (as a requeue at a quiet desk).
  const others = rows.filter((r) => r.user_id !== exceptAgentId);
  return (others.length ? others : rows).slice(0, MAX_WOKEN).map((r) => r.workflow_id);
}

/**
 * Signals each free shift that may serve the ticket; a shift that closed meanwhile has nothing to
 * do. The client is asked for only when someone is free (SQL-only workers and tests have none).
 */
export async function offerTicket(
  db: Db,
  temporal: () => Client,
  ticketId: string,
  exceptAgentId?: number,
): Promise<number> {
  const shifts = await freeShiftsFor(db, ticketId, exceptAgentId);
  await Promise.all(
    shifts.map((workflowId) =>
      temporal()
        .workflow.getHandle(workflowId)
        .signal(ticketWaiting, { ticketId })
        .catch((err: unknown) => {
          if (!(err instanceof WorkflowNotFoundError)) throw err;
        }),
    ),
  );
  return shifts.length;
}
