// A ticket started waiting (A5/A6): wake a free shift that may serve it. The ticket side never
// claims nor calls — the woken shift runs its own dispatch, which picks by the branch's order
// under its own row lock, and passes the offer on when it takes another ticket. So the shift is
// the one owner of what its agent serves, an offer made while a shift is mid-dispatch is never
// lost (the signal makes it dispatch again), and no dispatch calls back into another.
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { Db } from '../../db/knex.js';
import { ticketWaiting, type TicketOffer } from '../../domain/shift-messages.js';
import { HELD_STATUSES } from '../../domain/tickets.js';

/** An offer stops after this many shifts passed it on; the ticket then waits for an agent who frees up. */
const MAX_HOPS = 16;

/**
 * The free shifts that may serve the ticket, best first: open, online, automatic, no attention;
 * the named agent of a transfer first, then the agent free longest; the agent who just let it go
 * last (a requeue at a quiet desk comes back to her, not while someone else is free).
 */
export async function freeShiftsFor(
  db: Db,
  ticketId: string,
  opts: { exceptAgentId?: number; exceptShiftIds?: string[] } = {},
): Promise<{ id: string; workflow_id: string }[]> {
  const t: { status: string; branch_id: number; service_id: number; preferred_agent_id: number | null } | undefined =
    await db('tickets').where({ id: ticketId }).first('status', 'branch_id', 'service_id', 'preferred_agent_id');
  if (!t || t.status !== 'waiting') return [];
  const rows: { id: string; workflow_id: string; user_id: number }[] = await db('shifts as s')
    .where({ 's.branch_id': t.branch_id, 's.state': 'online', 's.manual_mode': false })
    .whereNull('s.ended_at')
    .whereNull('s.current_ticket_id')
    .whereNotIn('s.id', opts.exceptShiftIds?.length ? opts.exceptShiftIds : ['00000000-0000-0000-0000-000000000000'])
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
    .orderByRaw('(s.user_id = ?) asc', [opts.exceptAgentId ?? -1])
    .orderBy('s.state_since', 'asc')
    .limit(2)
    .select('s.id', 's.workflow_id', 's.user_id');
  return rows;
}

/**
 * Offers a waiting ticket to the best free shift that has not had it yet: one shift at a time,
 * so a ticket costs one wake-up, not one per free agent. That shift dispatches by its own order;
 * if it takes another ticket (or cannot serve now) it passes this one on (forwardOffers).
 * Returns whether someone was woken.
 */
export async function offerTicket(
  db: Db,
  temporal: () => Client,
  ticketId: string,
  opts: { exceptAgentId?: number; tried?: string[] } = {},
): Promise<boolean> {
  const tried = opts.tried ?? [];
  if (tried.length >= MAX_HOPS) return false;
  const [best] = await freeShiftsFor(db, ticketId, { exceptAgentId: opts.exceptAgentId, exceptShiftIds: tried });
  if (!best) return false;
  try {
    await temporal()
      .workflow.getHandle(best.workflow_id)
      .signal(ticketWaiting, { ticketId, tried: [...tried, best.id] });
  } catch (err) {
    if (!(err instanceof WorkflowNotFoundError)) throw err;
    // Its workflow is gone (the sweeper settles the row): the next free shift, then.
    return offerTicket(db, temporal, ticketId, { ...opts, tried: [...tried, best.id] });
  }
  return true;
}

/** The offers a shift did not take (it took another ticket, or cannot serve now) go on to the next free shift. */
export async function forwardOffers(
  db: Db,
  temporal: () => Client,
  shiftId: string,
  offers: TicketOffer[],
  takenTicketId: string | null = null,
): Promise<void> {
  const seen = new Set<string>();
  for (const o of offers) {
    if (o.ticketId === takenTicketId || seen.has(o.ticketId)) continue;
    seen.add(o.ticketId);
    const tried = o.tried ?? [];
    await offerTicket(db, temporal, o.ticketId, { tried: tried.includes(shiftId) ? tried : [...tried, shiftId] });
  }
}
