// One function per shift action (log in at a desk, change state, next state, manual mode,
// call next, log out). Refusals are DomainErrors the error handler maps to HTTP.
import { randomUUID } from 'node:crypto';
import type { UpdateDefinition } from '@temporalio/common';
import type { Db } from '../../db/knex.js';
import { shiftWorkflowId, type AgentState } from '../../domain/agents.js';
import { DomainError } from '../../domain/errors.js';
import * as msg from '../../domain/shift-messages.js';
import { openAttention } from '../../db/shifts/step.js';
import type { ApiDeps } from '../deps.js';
import type { SessionUser } from '../auth/sessions.js';
import { shiftView } from '../../db/shifts/row.js';
import type { CallNextResult, ShiftView } from '../../domain/contracts/shifts.js';
import { startShiftWorkflow, updateShift, updateShiftWith } from '../../workflows/shifts/client.js';

type Deps = Pick<ApiDeps, 'db' | 'temporal' | 'taskQueue'>;

export async function openShiftRow(
  db: Db,
  userId: number,
): Promise<{ id: string; workflow_id: string; desk_id: number; current_ticket_id: string | null } | undefined> {
  return db('shifts')
    .where({ user_id: userId })
    .whereNull('ended_at')
    .first('id', 'workflow_id', 'desk_id', 'current_ticket_id');
}

async function holderOf(db: Db, deskId: number): Promise<string | undefined> {
  const h: { first_name: string; last_name: string } | undefined = await db('shifts as s')
    .join('users as u', 'u.id', 's.user_id')
    .where('s.desk_id', deskId)
    .whereNull('s.ended_at')
    .first('u.first_name', 'u.last_name');
  return h ? `${h.first_name} ${h.last_name}` : undefined;
}

/** A7/A10/G2: log in at a desk of the agent's own branch; the desk is held until log-out. */
export async function openShift(
  d: Deps,
  user: SessionUser,
  body: { deskId: number; state?: AgentState },
): Promise<{ view: ShiftView; created: boolean }> {
  if (user.role !== 'agent') throw new DomainError('AgentsOnlyAtDesk');
  const desk: { id: number; name: string; branch_id: number } | undefined = await d
    .db('desks')
    .where({ id: body.deskId, branch_id: user.branchId ?? -1 })
    .first('id', 'name', 'branch_id');
  if (!desk) throw new DomainError('Validation', {}, { fields: { deskId: { code: 'unknown_reference' } } });
  const own = await openShiftRow(d.db, user.id);
  if (own && own.desk_id === desk.id) return { view: await shiftView(d.db, own.id), created: false };
  if (own) throw new DomainError('LoggedInElsewhere', { shiftId: own.id });
  const held = await holderOf(d.db, desk.id);
  if (held) throw new DomainError('DeskHeld', { desk: desk.name, agent: held }, { field: 'deskId' });

  const id = randomUUID();
  const at = new Date().toISOString();
  try {
    await d.db('shifts').insert({
      id,
      user_id: user.id,
      branch_id: desk.branch_id,
      desk_id: desk.id,
      state: 'offline',
      state_since: at,
      started_at: at,
      workflow_id: shiftWorkflowId(user.id, id),
    });
  } catch (err) {
    // The unique indexes are the final guard against two log-ins racing past the checks above.
    const constraint = (err as { constraint?: string }).constraint;
    if (constraint === 'shifts_open_desk')
      throw new DomainError(
        'DeskHeld',
        { desk: desk.name, agent: (await holderOf(d.db, desk.id)) ?? null },
        { field: 'deskId' },
      );
    if (constraint === 'shifts_open_user') throw new DomainError('LoggedInElsewhere');
    throw err;
  }
  try {
    await startShiftWorkflow(d.temporal, d.taskQueue, {
      shiftId: id,
      userId: user.id,
      entityId: user.entityId,
      branchId: desk.branch_id,
      deskId: desk.id,
      initialState: body.state ?? 'online',
    });
  } catch (err) {
    // No workflow, no shift: free the desk again rather than leave it held by nobody.
    await d.db('shifts').where({ id }).update({ ended_at: d.db.fn.now() });
    throw err;
  }
  return { view: await shiftView(d.db, id), created: true };
}

export async function requireOpenShift(db: Db, user: SessionUser) {
  const row = await openShiftRow(db, user.id);
  if (!row) throw new DomainError('NotAtDesk');
  return row;
}

const change =
  <A>(def: UpdateDefinition<msg.ShiftStatus, [A]>) =>
  async (d: Deps, user: SessionUser, arg: A): Promise<ShiftView> => {
    const row = await requireOpenShift(d.db, user);
    await updateShiftWith(d.temporal, row.workflow_id, def, arg);
    return await shiftView(d.db, row.id);
  };

export const setState = change(msg.setState);
export const setNextState = change(msg.setNextState);
export const setManualMode = change(msg.setManualMode);

export async function callNext(d: Deps, user: SessionUser): Promise<CallNextResult> {
  const row = await requireOpenShift(d.db, user);
  const r = await updateShift(d.temporal, row.workflow_id, msg.callNext);
  return { ticketId: r.ticketId, shift: await shiftView(d.db, row.id) };
}

/** F1/F2: log out ends the shift and frees the desk; refused, naming the ticket, while calling or attending. */
export async function endShift(d: Deps, user: SessionUser): Promise<ShiftView | null> {
  const row = await openShiftRow(d.db, user.id);
  if (!row) return null;
  const open = await openAttention(d.db, user.id, row.current_ticket_id);
  if (open) throw new DomainError('BusyCannotLogOut', { ticketId: open.id, number: open.number });
  await updateShift(d.temporal, row.workflow_id, msg.endShift);
  return await shiftView(d.db, row.id);
}
