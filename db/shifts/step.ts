// Persists one shift step: the shift row and, when the state changes, its state periods, in one
// transaction under the shift row's lock. `last_step_seq` and the (shift_id, seq) key of a period
// make a retried activity find its work done: each step and each period lands exactly once, and
// NOTIFY (transactional) is sent once per commit.
import { DomainError } from '../../domain/errors.js';
import type { Knex } from 'knex';
import type { Db } from '../knex.js';
import type { ShiftStep } from '../../domain/shift-steps.js';
import type { ShiftStepResult } from '../../domain/shift-activities.js';
import { HELD_STATUSES } from '../../domain/tickets.js';
import { notifyShift, type ShiftRow } from './row.js';
import { returned } from '../returned.js';
import { writeShiftEvent } from './events.js';
import { anyWaitingFor } from '../queue/eligible.js';

/** The attention that keeps an agent busy: a ticket they call or attend, or one dispatch reserved for them. */
export async function openAttention(
  db: Db | Knex.Transaction,
  userId: number,
  reservedTicketId: string | null,
): Promise<{ id: string; number: string } | undefined> {
  return db('tickets')
    .where((w) => {
      w.where({ agent_id: userId }).whereIn('status', HELD_STATUSES);
      if (reservedTicketId) w.orWhere((r) => r.where({ id: reservedTicketId, status: 'waiting' }));
    })
    .first('id', 'number');
}

export async function applyShiftStep(db: Db, step: ShiftStep): Promise<ShiftStepResult> {
  return db.transaction(async (trx): Promise<ShiftStepResult> => {
    const row: ShiftRow | undefined = await trx('shifts').where({ id: step.shiftId }).forUpdate().first();
    if (!row)
      throw new DomainError('NotFound', { resource: 'shifts' }, { message: `Shift ${step.shiftId} has no row.` });
    if (row.last_step_seq >= step.stepSeq) return {}; // already applied by an earlier attempt

    if (step.requireFree) {
      const open = await openAttention(trx, step.userId, row.current_ticket_id);
      if (open) {
        // Same codes as the workflow's own refusals: both mean "not now" (409) to the caller.
        throw step.kind === 'ended'
          ? new DomainError('BusyCannotLogOut', { number: open.number, ticketId: open.id })
          : new DomainError('BusyFinishFirst', {
              number: open.number,
              ticketId: open.id,
              state: step.patch.state ?? null,
            });
      }
    }
    if (step.period || step.kind === 'ended') {
      // The open period closes when the next one starts (or when the shift ends).
      const open = trx('shift_state_periods').where({ shift_id: step.shiftId }).whereNull('ended_at');
      if (step.period) open.where('seq', '<', step.period.seq);
      await open.update({ ended_at: step.at });
    }
    if (step.period) {
      await trx('shift_state_periods')
        .insert({ shift_id: step.shiftId, seq: step.period.seq, state: step.period.state, started_at: step.at })
        .onConflict(['shift_id', 'seq'])
        .ignore();
    }

    await writeShiftEvent(trx, step); // issue 19: the shift's timeline
    const p = step.patch;
    const update: Record<string, unknown> = { last_step_seq: step.stepSeq };
    if (p.state !== undefined) update.state = p.state;
    if (p.stateSince !== undefined) update.state_since = p.stateSince;
    if (p.nextState !== undefined) update.next_state = p.nextState;
    if (p.manualMode !== undefined) update.manual_mode = p.manualMode;
    if (p.endedAt !== undefined) update.ended_at = p.endedAt;
    let released: string | undefined;
    let idle = false;
    if (step.kind === 'attention_ended') {
      // Only the ended ticket is released: a reservation made since then (by the finishing
      // transaction, activities/dispatch/handover.ts) stays — unless the agent will not serve
      // now (a break or manual mode chosen meanwhile): then it is let go, to be offered on.
      const reserved = row.current_ticket_id !== step.endedTicketId ? row.current_ticket_id : null;
      const serving = (p.state ?? row.state) === 'online' && !(p.manualMode ?? row.manual_mode);
      if (reserved && !serving && (await trx('tickets').where({ id: reserved, status: 'waiting' }).first('id')))
        released = reserved;
      update.current_ticket_id = released
        ? null
        : trx.raw('case when current_ticket_id = ? then null else current_ticket_id end', [step.endedTicketId ?? null]);
      // Free with nothing reserved and nobody to serve: the shift skips a dispatch that would find
      // nothing (an activity task and a workflow task fewer per quiet attention, issue 15).
      idle = serving && reserved === null && !(await anyWaitingFor(trx, row.user_id, row.branch_id));
    } else if (p.currentTicketId !== undefined) {
      update.current_ticket_id = p.currentTicketId;
    }
    const updated: ShiftRow = returned(await trx('shifts').where({ id: step.shiftId }).update(update).returning('*'));
    await notifyShift(trx, updated, step.entityId);
    return { ...(released ? { released } : {}), ...(idle ? { idle } : {}) };
  });
}
