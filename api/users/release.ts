// An agent who is deactivated, or leaves the agent role, first hands back their customer and
// leaves their desk (issue 13): the ticket they call or attend goes back to the queue keeping
// its arrival time, with the administrator as actor on its timeline, and their shift ends —
// before their sessions end, so nobody is left waiting on a desk nobody can work.
import type { User } from '../../db/models/user.js';
import { DomainError } from '../../domain/errors.js';
import * as shiftMsg from '../../domain/shift-messages.js';
import * as ticketMsg from '../../domain/ticket-messages.js';
import { actorOf } from '../auth/middleware.js';
import type { SessionUser } from '../auth/sessions.js';
import type { ApiDeps } from '../deps.js';
import { endShift, openShiftRow } from '../shifts/actions.js';
import { updateShiftWith } from '../../workflows/shifts/client.js';
import { updateTicket } from '../../workflows/tickets/client.js';
import { HELD_STATUSES, type Actor } from '../../domain/tickets.js';

type Deps = Pick<ApiDeps, 'db' | 'temporal' | 'taskQueue'>;
/** Dispatch may hand the agent a ticket while this runs; past this, the admin is told to retry. */
const RELEASE_MS = 15_000;

const isCode = (err: unknown, ...codes: string[]): boolean => err instanceof DomainError && codes.includes(err.code);

/** Nothing more is dispatched to the agent: Offline now, or as soon as the attention ends. */
async function stopDispatch(d: Deps, workflowId: string): Promise<void> {
  try {
    await updateShiftWith(d.temporal, workflowId, shiftMsg.setState, { state: 'offline' });
  } catch (err) {
    if (!isCode(err, 'BusyFinishFirst')) throw err;
    await updateShiftWith(d.temporal, workflowId, shiftMsg.setNextState, { nextState: 'offline' });
  }
}

async function requeueHeld(d: Deps, agentId: number, actor: Actor): Promise<void> {
  const held: string[] = await d
    .db('tickets')
    .where({ agent_id: agentId })
    .whereIn('status', HELD_STATUSES)
    .pluck('id');
  for (const id of held) {
    try {
      await updateTicket(d.temporal, id, ticketMsg.requeueTicket, { actor, keepArrival: true, reason: 'deactivated' });
    } catch (err) {
      // Finished or handed on meanwhile: it is no longer theirs to hand back.
      if (!isCode(err, 'TicketNotInStatus', 'TicketEnded', 'TicketHeldByOther')) throw err;
    }
  }
}

const asSessionUser = (u: User): SessionUser => ({
  id: u.id,
  entityId: u.entityId,
  branchId: u.branchId,
  role: u.role,
  email: u.email,
  firstName: u.firstName,
  lastName: u.lastName,
});

export async function releaseAgent(d: Deps, by: SessionUser, agent: User): Promise<void> {
  const shift = await openShiftRow(d.db, agent.id);
  if (shift)
    await stopDispatch(d, shift.workflow_id).catch((err: unknown) => {
      if (!isCode(err, 'ShiftEnded')) throw err;
    });
  const until = Date.now() + RELEASE_MS;
  for (;;) {
    await requeueHeld(d, agent.id, actorOf(by));
    if (!shift) return;
    try {
      await endShift(d, asSessionUser(agent));
      return;
    } catch (err) {
      // The shift hears of the requeue by a signal, an instant later: ask again.
      if (!isCode(err, 'BusyCannotLogOut') || Date.now() > until) throw err;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}
