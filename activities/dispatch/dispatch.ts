// Dispatch from both sides (A5/A6): when an agent becomes free (its shift workflow runs
// `dispatchAgent`) and when a ticket starts waiting (`offerTicket`, run from the ticket
// workflow). No dispatcher workflow: each side is one short activity, serialised only by row
// locks in PostgreSQL, so throughput scales with the database, not with one workflow's history.
import type { Client } from '@temporalio/client';
import type { Db } from '../../db/knex.js';
import type { DispatchAgentArgs, Dispatched } from '../../domain/dispatch-activities.js';
import { callClaimed } from './call.js';
import { claimNext, isFree, type Claimed, type ShiftRow } from './claim.js';
import { HELD_STATUSES, isHeld } from '../../domain/tickets.js';

const MAX_TRIES = 10; // tickets refused in a row before giving up until the next trigger
const NONE = { ticketId: null, number: null };

type Pick = { done: Dispatched } | { shift: ShiftRow; claim: Claimed };

/** The agent became free (or asked for the next ticket): claim and call its next ticket. */
export async function dispatchAgent(db: Db, temporal: Client, a: DispatchAgentArgs): Promise<Dispatched> {
  const exclude = a.skipTicketId ? [a.skipTicketId] : [];
  for (let i = 0; i < MAX_TRIES; i++) {
    const r: Pick = await db.transaction(async (trx) => {
      const shift: ShiftRow | undefined = await trx('shifts').where({ id: a.shiftId }).forUpdate().first();
      if (!shift || shift.ended_at !== null || shift.state !== 'online' || (shift.manual_mode && !a.explicit))
        return { done: NONE };
      if (shift.current_ticket_id !== null) {
        const t = await trx('tickets')
          .where({ id: shift.current_ticket_id })
          .first('id', 'number', 'status', 'agent_id', 'last_event_seq');
        // A reservation whose call never happened (a crash between claim and call): call it now.
        if (t?.status === 'waiting')
          return { shift, claim: { ticketId: t.id, number: t.number, seq: t.last_event_seq, support: false } };
        // Already called (an earlier attempt), or an ended ticket whose attentionEnded is on its way.
        return {
          done: t && t.agent_id === shift.user_id && isHeld(t.status) ? { ticketId: t.id, number: t.number } : NONE,
        };
      }
      if (!(await isFree(trx, shift))) return { done: NONE };
      const claim = await claimNext(trx, shift, exclude);
      return claim ? { shift, claim } : { done: NONE };
    });
    if ('done' in r) return r.done;
    const outcome = await callClaimed(db, temporal, r.shift, r.claim);
    if (outcome === 'called') return { ticketId: r.claim.ticketId, number: r.claim.number };
    exclude.push(r.claim.ticketId);
    if (outcome === 'agent-busy') {
      await offerTicket(db, temporal, r.claim.ticketId); // it waited while reserved: let another agent have it
      return NONE;
    }
  }
  return NONE;
}

/**
 * A ticket started waiting: give it to a free agent who may serve it. The agent still gets
 * *its* next ticket by its own order (maybe another one); then we try the next free agent,
 * until this ticket is taken or nobody free may serve it.
 */
export async function offerTicket(db: Db, temporal: Client, ticketId: string, depth = 0): Promise<void> {
  const triedShifts: string[] = [];
  for (let i = 0; i < MAX_TRIES; i++) {
    const r = await db.transaction(async (trx) => {
      const t = await trx('tickets')
        .where({ id: ticketId })
        .first('status', 'branch_id', 'service_id', 'preferred_agent_id');
      if (!t || t.status !== 'waiting') return null;
      const shift: ShiftRow | undefined = await trx('shifts as s')
        .where({ 's.branch_id': t.branch_id, 's.state': 'online', 's.manual_mode': false })
        .whereNull('s.ended_at')
        .whereNull('s.current_ticket_id')
        .whereNotIn('s.id', triedShifts.length ? triedShifts : ['00000000-0000-0000-0000-000000000000'])
        .where((w) =>
          w
            .whereExists(
              trx('service_assignments as a')
                .whereRaw('a.user_id = s.user_id')
                .where('a.service_id', t.service_id)
                .select(trx.raw('1')),
            )
            .orWhere('s.user_id', t.preferred_agent_id ?? -1),
        )
        .whereNotExists(
          trx('tickets as o')
            .whereRaw('o.agent_id = s.user_id')
            .whereIn('o.status', HELD_STATUSES)
            .select(trx.raw('1')),
        )
        // The named agent of a transfer first, then the agent free for longest.
        .orderByRaw('(s.user_id = ?) desc', [t.preferred_agent_id ?? -1])
        .orderBy('s.state_since', 'asc')
        .forUpdate('s')
        .skipLocked()
        .first('s.*');
      if (!shift) return null;
      triedShifts.push(shift.id);
      const claim = await claimNext(trx, shift, []);
      return { shift, claim };
    });
    if (!r) return;
    if (!r.claim) continue; // this agent may not take it now (A6: its main queue has people): next agent
    const outcome = await callClaimed(db, temporal, r.shift, r.claim);
    if (outcome === 'called' && r.claim.ticketId === ticketId) return;
    // The agent picked another ticket by hand meanwhile: the one we reserved waited in vain.
    if (outcome === 'agent-busy' && r.claim.ticketId !== ticketId && depth < 2)
      await offerTicket(db, temporal, r.claim.ticketId, depth + 1);
    // Called another ticket (that agent's turn order), or the call was refused: keep offering.
  }
}
