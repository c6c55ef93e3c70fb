// The sweeper's last guard for dispatch (A5): a customer who has waited a while although a free
// agent who may serve them sits at a desk. Offers and agent-side triggers make that impossible by
// design; should one still be lost (a bug, a signal to a worker that died at the wrong moment),
// this pass wakes the agent's shift with the ticket as an offer, and says so in the log, instead
// of leaving the customer there until someone else frees up.
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { Db } from '../../db/knex.js';
import { eligibleFor, servicesOf } from '../../db/queue/eligible.js';
import { ticketWaiting } from '../../domain/shift-messages.js';
import { HELD_STATUSES } from '../../domain/tickets.js';
import type { Logger } from '../../platform/logger.js';

/** Free shifts looked at per pass, longest free first; the next pass takes the rest. */
const MAX_SHIFTS = 200;

/**
 * Wakes each free shift (open, Online, automatic, holding nothing) that could take a ticket
 * waiting for longer than `graceMs`; returns how many it woke.
 */
export async function nudgeIdleAgents(
  deps: { db: Db; temporal: Client; log: Logger },
  graceMs: number,
): Promise<number> {
  const { db, temporal, log } = deps;
  const cutoff = new Date(Date.now() - graceMs);
  // Most passes end here: nobody has waited that long anywhere.
  const branches = (
    (await db('tickets').where('status', 'waiting').where('status_at', '<', cutoff).distinct('branch_id')) as {
      branch_id: number;
    }[]
  ).map((r) => r.branch_id);
  if (!branches.length) return 0;
  const shifts: { id: string; workflow_id: string; user_id: number; branch_id: number }[] = await db('shifts as s')
    .whereIn('s.branch_id', branches)
    .where({ 's.state': 'online', 's.manual_mode': false })
    .whereNull('s.ended_at')
    .whereNull('s.current_ticket_id')
    .whereNotExists(
      db('tickets as o').whereRaw('o.agent_id = s.user_id').whereIn('o.status', HELD_STATUSES).select(db.raw('1')),
    )
    .orderBy('s.state_since')
    .limit(MAX_SHIFTS)
    .select('s.id', 's.workflow_id', 's.user_id', 's.branch_id');
  let woken = 0;
  for (const s of shifts) {
    const services = await servicesOf(db, s.user_id);
    const t: { id: string; number: string } | undefined = await eligibleFor(
      db,
      db('tickets as t'),
      s.user_id,
      s.branch_id,
      [...services.main, ...services.support],
      true,
    )
      .where('t.status_at', '<', cutoff)
      .orderBy('t.status_at')
      .first('t.id', 't.number');
    if (!t) continue;
    try {
      await temporal.workflow.getHandle(s.workflow_id).signal(ticketWaiting, { ticketId: t.id, tried: [] });
      woken += 1;
      log.warn(
        { shiftId: s.id, ticketId: t.id, number: t.number },
        'a free agent was woken for a customer left waiting',
      );
    } catch (err) {
      if (!(err instanceof WorkflowNotFoundError)) throw err; // closed meanwhile: the sweep of closed workflows settles it
    }
  }
  return woken;
}
