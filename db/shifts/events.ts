// Issue 19: a shift's timeline (shift_events). The shift's step (step.ts) writes an event for each
// step that starts it, changes its state or ends it, in the step's own transaction, keyed on the
// step's seq so a retried step writes nothing twice. Those events name the shift's agent; a
// supervisor acting through the monitor is named afterwards, with their reason, on the events their
// action wrote (nameShiftEvents): the shift workflow's commands stay as they are.
import type { Knex } from 'knex';
import type { Db } from '../knex.js';
import type { ShiftStep } from '../../domain/shift-steps.js';
import type { ShiftTimelineEntry } from '../../domain/contracts/shifts.js';
import { iso } from '../dates.js';

/** The event a step writes, if any: its start, a new state period, its end. */
function eventOf(step: ShiftStep): { type: ShiftTimelineEntry['type']; state: string | null } | undefined {
  if (step.kind === 'opened') return { type: 'started', state: step.period?.state ?? null };
  if (step.kind === 'ended') return { type: 'ended', state: null };
  if (step.period) return { type: 'state_changed', state: step.period.state };
  return undefined;
}

export async function writeShiftEvent(trx: Knex.Transaction, step: ShiftStep): Promise<void> {
  const e = eventOf(step);
  if (!e) return;
  const agent: { name: string } | undefined = await trx('users')
    .where({ id: step.userId })
    .first(trx.raw(`first_name || ' ' || last_name as name`));
  await trx('shift_events')
    .insert({
      shift_id: step.shiftId,
      step_seq: step.stepSeq,
      type: e.type,
      state: e.state,
      actor_type: 'agent',
      actor_id: step.userId,
      actor_name: agent?.name ?? null,
      at: step.at,
    })
    .onConflict(['shift_id', 'step_seq'])
    .ignore();
}

/** The latest step seq with an event, so an action can later name what it wrote (null: none yet). */
export async function lastShiftEventSeq(db: Db, shiftId: string): Promise<number> {
  const r = (await db('shift_events').where({ shift_id: shiftId }).max('step_seq as seq').first()) as
    { seq: number | null } | undefined;
  return Number(r?.seq ?? 0);
}

/**
 * Names the person (not the agent) behind the events a step wrote after `afterSeq`, with their
 * reason: a supervisor changing an agent's state or ending the shift from the monitor.
 */
export async function nameShiftEvents(
  db: Db,
  shiftId: string,
  afterSeq: number,
  actor: { id: number; firstName: string; lastName: string },
  reason: string | undefined,
): Promise<void> {
  await db('shift_events')
    .where({ shift_id: shiftId })
    .where('step_seq', '>', afterSeq)
    .whereIn('type', ['state_changed', 'ended'])
    .update({
      actor_type: 'user',
      actor_id: actor.id,
      actor_name: `${actor.firstName} ${actor.lastName}`,
      reason: reason ?? null,
    });
}

interface Row {
  id: string;
  type: ShiftTimelineEntry['type'];
  state: string | null;
  actor_type: ShiftTimelineEntry['actorType'];
  actor_id: number | null;
  actor_name: string | null;
  reason: string | null;
  at: Date;
}

/** A shift's timeline, oldest first. */
export async function shiftEvents(db: Db, shiftId: string): Promise<ShiftTimelineEntry[]> {
  const rows: Row[] = await db('shift_events').where({ shift_id: shiftId }).orderBy(['at', 'id']);
  return rows.map((r) => ({
    id: Number(r.id),
    type: r.type,
    state: (r.state as ShiftTimelineEntry['state']) ?? null,
    actorType: r.actor_type,
    actorId: r.actor_id,
    actorName: r.actor_name,
    reason: r.reason,
    at: iso(r.at)!,
  }));
}
