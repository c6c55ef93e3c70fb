// Issue 19: the monitor acts on an agent's open shift — puts them in a state, or ends a
// forgotten session. Through the shift workflow's own Updates, so its rules hold (a shift ends
// only with nobody held); a supervisor of the shift's branch or an admin of its entity only.
import type { Client } from '@temporalio/client';
import type { Db } from '../../db/knex.js';
import type { ShiftRow } from '../../db/shifts/row.js';
import { shiftView } from '../../db/shifts/row.js';
import { openAttention } from '../../db/shifts/step.js';
import type { AgentState } from '../../domain/agents.js';
import type { ShiftView } from '../../domain/contracts/shifts.js';
import { DomainError } from '../../domain/errors.js';
import * as shiftMsg from '../../domain/shift-messages.js';
import * as ticketMsg from '../../domain/ticket-messages.js';
import { isHeld } from '../../domain/tickets.js';
import { actorOf } from '../auth/middleware.js';
import type { SessionUser } from '../auth/sessions.js';
import { updateShift, updateShiftWith } from '../../workflows/shifts/client.js';
import { updateTicket } from '../../workflows/tickets/client.js';
import { loadWatchedBranch } from './access.js';
import { lastShiftEventSeq, nameShiftEvents } from '../../db/shifts/events.js';

type Deps = { db: Db; temporal: Client };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** How long the shift gets to hear that its requeued attention ended before it is asked to end. */
const FREED_MS = 10_000;

/** An open shift of a branch the user watches; another entity's is "not found". */
async function watchedOpenShift(db: Db, user: SessionUser, shiftId: string): Promise<ShiftRow> {
  const row: ShiftRow | undefined = UUID.test(shiftId)
    ? await db('shifts').where({ id: shiftId }).whereNull('ended_at').first()
    : undefined;
  if (!row) throw new DomainError('NotFound', { resource: 'shifts' });
  await loadWatchedBranch(db, user, row.branch_id);
  return row;
}

export async function setAgentState(
  d: Deps,
  user: SessionUser,
  shiftId: string,
  state: AgentState,
): Promise<ShiftView> {
  const row = await watchedOpenShift(d.db, user, shiftId);
  const seq = await lastShiftEventSeq(d.db, row.id);
  await updateShiftWith(d.temporal, row.workflow_id, shiftMsg.setState, { state });
  await nameShiftEvents(d.db, row.id, seq, user, undefined); // on the shift's timeline
  return shiftView(d.db, row.id);
}

/**
 * Ends an agent's shift. A customer they call or serve is first put back in the queue keeping
 * their arrival (on the ticket's timeline with the supervisor and the reason); manual mode keeps
 * dispatch from handing the freed agent another customer meanwhile.
 */
export async function endAgentShift(
  d: Deps,
  user: SessionUser,
  shiftId: string,
  reason: string | undefined,
): Promise<ShiftView> {
  const row = await watchedOpenShift(d.db, user, shiftId);
  const open = await openAttention(d.db, row.user_id, row.current_ticket_id);
  const held = open ? await d.db('tickets').where({ id: open.id }).first('status') : undefined;
  if (open && held && isHeld(held.status)) {
    if (!row.manual_mode)
      await updateShiftWith(d.temporal, row.workflow_id, shiftMsg.setManualMode, { manual: true }).catch(
        (err: unknown) => {
          if (!(err instanceof DomainError && err.code === 'ModeAlreadySet')) throw err;
        },
      );
    await updateTicket(d.temporal, open.id, ticketMsg.requeueTicket, {
      actor: actorOf(user),
      keepArrival: true,
      ...(reason ? { reason } : {}),
    });
    // The ticket tells the shift its attention ended (a signal): wait until the shift has heard it.
    const handle = d.temporal.workflow.getHandle(row.workflow_id);
    const until = Date.now() + FREED_MS;
    while ((await handle.query(shiftMsg.getShift)).currentTicketId !== null && Date.now() < until)
      await new Promise((r) => setTimeout(r, 100));
  }
  const seq = await lastShiftEventSeq(d.db, row.id);
  await updateShift(d.temporal, row.workflow_id, shiftMsg.endShift);
  await nameShiftEvents(d.db, row.id, seq, user, reason); // on the shift's timeline, with the reason
  return shiftView(d.db, row.id);
}
