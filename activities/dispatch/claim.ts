// The atomic claim (A5/A6, H1): inside a transaction that holds the agent's shift row, pick the
// ticket this agent serves next — `FOR NO KEY UPDATE SKIP LOCKED`, so two claimers never pick the
// same row at once — and reserve it on the shift (current_ticket_id). The call itself is then the
// ticket workflow's `callTicket` Update: the workflow and the tickets_one_open_per_agent index
// are the final guarantee that a ticket is called once and an agent holds one ticket.
import type { Knex } from 'knex';
import { eligibleFor, servicesOf } from '../../db/queue/eligible.js';
import { loadPolicy, policyOrder, recentCalls } from '../../db/queue/order.js';
import { HELD_STATUSES } from '../../domain/tickets.js';

export interface ShiftRow {
  id: string;
  user_id: number;
  branch_id: number;
  desk_id: number;
  state: string;
  manual_mode: boolean;
  current_ticket_id: string | null;
  ended_at: Date | null;
  workflow_id: string;
}

export interface Claimed {
  ticketId: string;
  number: string;
  seq: number;
  support: boolean;
}

/** The agent holds no attention and no reservation (checked under the shift row's lock). */
export async function isFree(trx: Knex.Transaction, shift: ShiftRow): Promise<boolean> {
  if (shift.current_ticket_id !== null) return false;
  const open = await trx('tickets').where({ agent_id: shift.user_id }).whereIn('status', HELD_STATUSES).first('id');
  return !open;
}

/** Claims and reserves the next ticket for a locked, free shift; null when nobody it may serve is waiting. */
export async function claimNext(
  trx: Knex.Transaction,
  shift: ShiftRow,
  exclude: string[],
  opts: { mainOnly?: boolean } = {},
): Promise<Claimed | null> {
  const services = await servicesOf(trx, shift.user_id);
  const cfg = await loadPolicy(trx, shift.branch_id);
  const order = policyOrder(cfg, await recentCalls(trx, shift.branch_id, cfg), new Date().toISOString());
  const pick = async (serviceIds: number[], withPreferred: boolean) => {
    const q = eligibleFor(trx, trx('tickets as t'), shift.user_id, shift.branch_id, serviceIds, withPreferred)
      .whereNotIn('t.id', exclude.length ? exclude : ['00000000-0000-0000-0000-000000000000'])
      .select('t.id', 't.number', 't.last_event_seq')
      // A ticket transferred to this agent by name comes first (H1 "offer to that agent first").
      .orderByRaw('(t.preferred_agent_id is not distinct from ?) desc', [shift.user_id])
      .orderByRaw(order.sql, order.bindings)
      .limit(1)
      // NO KEY: a row another transaction holds for a foreign-key check (a status link or video
      // room being written for this ticket) is still claimable; only a claim or a step skips it.
      .forNoKeyUpdate('t')
      .skipLocked();
    const found: { id: string; number: string; last_event_seq: number } | undefined = await q.first();
    return found;
  };
  let support = false;
  let t = await pick(services.main, true);
  // A6: support services only when none of the main services has anyone waiting — counted
  // without SKIP LOCKED, so tickets other agents are claiming right now still count as waiting.
  if (!t && services.support.length && !opts.mainOnly) {
    const mainWaiting = await eligibleFor(
      trx,
      trx('tickets as t'),
      shift.user_id,
      shift.branch_id,
      services.main,
      true,
    ).first('t.id');
    if (!mainWaiting) {
      t = await pick(services.support, false);
      support = true;
    }
  }
  if (!t) return null;
  await trx('shifts').where({ id: shift.id }).update({ current_ticket_id: t.id });
  return { ticketId: t.id, number: t.number, seq: t.last_event_seq, support };
}

/** Gives the reservation back (the call was refused); a reservation made since stays. */
export async function release(trx: Knex.Transaction | Knex, shiftId: string, ticketId: string): Promise<void> {
  await trx('shifts').where({ id: shiftId, current_ticket_id: ticketId }).update({ current_ticket_id: null });
}
