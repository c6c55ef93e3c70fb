// Dispatch (A5/A6) has one owner: the agent's shift. Its workflow runs `dispatchAgent` when the
// agent becomes free, asks for the next customer, or is woken by a ticket that started waiting
// (offer.ts). No dispatcher workflow: each dispatch is one short step, serialised only by row
// locks in PostgreSQL, so throughput scales with the database, not with one workflow's history.
import type { Client } from '@temporalio/client';
import type { Db } from '../../db/knex.js';
import type { DispatchAgentArgs, Dispatched } from '../../domain/dispatch-activities.js';
import { callClaimed } from './call.js';
import { callChosen } from './chosen.js';
import { claimNext, isFree, type Claimed, type ShiftRow } from './claim.js';
import { anyWaitingFor } from '../../db/queue/eligible.js';
import { forwardOffers, offerTicket } from './offer.js';
import { isHeld } from '../../domain/tickets.js';

const MAX_TRIES = 10; // tickets refused in a row before giving up until the next trigger
/**
 * A ticket locked by another transaction is looked at again after LOCKED_WAIT_MS, up to
 * LOCKED_WAITS times: steps and claims hold a ticket for milliseconds, and once another claimer
 * commits, its reservation takes the ticket out of this agent's eligible set.
 */
const LOCKED_WAIT_MS = 50;
const LOCKED_WAITS = 20;
const NONE = { ticketId: null, number: null };

type Pick = { done: Dispatched; locked?: boolean } | { shift: ShiftRow; claim: Claimed };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The agent became free, asked for the next ticket, or was offered one: claim and call its next
 * ticket by the branch's order, then pass on the offers it did not take.
 */
export async function dispatchAgent(db: Db, temporal: Client, a: DispatchAgentArgs): Promise<Dispatched> {
  if (a.chosen) return callChosen(db, temporal, a.shiftId, a.chosen);
  const r = await claimAndCall(db, temporal, a);
  if (a.offers?.length) await forwardOffers(db, () => temporal, a.shiftId, a.offers, r.ticketId);
  return r;
}

async function claimAndCall(db: Db, temporal: Client, a: DispatchAgentArgs): Promise<Dispatched> {
  const exclude = a.skipTicketId ? [a.skipTicketId] : [];
  let waits = 0;
  for (let i = 0; i < MAX_TRIES;) {
    const r: Pick = await db.transaction(async (trx) => {
      const shift: ShiftRow | undefined = await trx('shifts').where({ id: a.shiftId }).forUpdate().first();
      if (!shift || shift.ended_at !== null || shift.state !== 'online' || (shift.manual_mode && !a.explicit))
        return { done: NONE };
      if (shift.current_ticket_id !== null) {
        const t = await trx('tickets')
          .where({ id: shift.current_ticket_id })
          .first('id', 'number', 'status', 'agent_id', 'last_event_seq');
        // The next customer the finishing transaction reserved (handover.ts), or a reservation
        // whose call never happened (a crash between claim and call): call it now.
        if (t?.status === 'waiting')
          return { shift, claim: { ticketId: t.id, number: t.number, seq: t.last_event_seq, support: false } };
        // Already called (an earlier attempt), or an ended ticket whose attentionEnded is on its way.
        return {
          done: t && t.agent_id === shift.user_id && isHeld(t.status) ? { ticketId: t.id, number: t.number } : NONE,
        };
      }
      if (!(await isFree(trx, shift))) return { done: NONE };
      const claim = await claimNext(trx, shift, exclude);
      if (claim) return { shift, claim };
      // Nobody claimable, yet someone this agent may serve waits: locked by another transaction
      // right now (another claimer, or a step being written), so look again in a moment.
      return { done: NONE, locked: await anyWaitingFor(trx, shift.user_id, shift.branch_id, exclude) };
    });
    if ('done' in r) {
      // Without this look, a ticket whose offer woke this agent while its row was held for a
      // moment waited beside the free agent until someone else freed up.
      if (r.locked && waits++ < LOCKED_WAITS) {
        await sleep(LOCKED_WAIT_MS);
        continue;
      }
      // The ticket this agent just let go (requeued, a call timed out) is kept from them only in
      // favour of others: it goes to another free agent if there is one, else back to this agent.
      // Its own offer went out while this agent still held it and found nobody free; skipped here
      // too, it waited beside the free agent until the sweeper's last guard.
      const skipped = a.skipTicketId;
      if (r.done.ticketId === null && skipped && exclude.includes(skipped)) {
        if (await offerTicket(db, () => temporal, skipped, { tried: [a.shiftId] })) return NONE;
        exclude.splice(exclude.indexOf(skipped), 1);
        continue;
      }
      return r.done;
    }
    i += 1;
    const outcome = await callClaimed(db, temporal, r.shift, r.claim);
    if (outcome === 'called') return { ticketId: r.claim.ticketId, number: r.claim.number };
    exclude.push(r.claim.ticketId);
    if (outcome === 'agent-busy') {
      await offerTicket(db, () => temporal, r.claim.ticketId, { tried: [a.shiftId] }); // it waited while reserved: offer it on
      return NONE;
    }
  }
  return NONE;
}
