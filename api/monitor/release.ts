// A supervisor releases stuck work (issue 12, item 5): a ticket is requeued or cancelled, a
// shift ended and its desk freed — recorded on the ticket's timeline with who did it. A live
// workflow is asked first, with its own rules; one that does not answer in time (an activity
// failing again and again holds its lock) is terminated, and the row is settled directly.
import type { Client } from '@temporalio/client';
import type { Db } from '../../db/knex.js';
import { applyStep } from '../../db/tickets/steps.js';
import { loadServiceRules } from '../../db/tickets/rules.js';
import { topicIdsOf, toView, type TicketRow } from '../../db/tickets/row.js';
import type { ShiftRow } from '../../db/shifts/row.js';
import { rowStep, settleClosedShift } from '../../db/stuck/closed.js';
import { DomainError } from '../../domain/errors.js';
import { endShift } from '../../domain/shift-messages.js';
import * as msg from '../../domain/ticket-messages.js';
import type { ReleaseAction } from '../../domain/stuck.js';
import { isEnded, isHeld, type Actor } from '../../domain/tickets.js';
import { tellShift, updateShift } from '../../workflows/shifts/client.js';
import { reviveTicket, updateTicket } from '../../workflows/tickets/client.js';

/** How long a live workflow gets to answer before it counts as wedged and is terminated. */
const ANSWER_MS = 5_000;

async function answered<T>(p: Promise<T>): Promise<{ value: T } | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ANSWER_MS);
  });
  try {
    return await Promise.race([p.then((value) => ({ value })), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function isRunning(temporal: Client, workflowId: string): Promise<boolean> {
  try {
    return (await temporal.workflow.getHandle(workflowId).describe()).status.name === 'RUNNING';
  } catch {
    return false; // not found: nothing runs it
  }
}

async function terminate(temporal: Client, workflowId: string, actor: Actor): Promise<void> {
  await temporal.workflow
    .getHandle(workflowId)
    .terminate(`released by ${actor.name ?? 'a supervisor'}`)
    .catch(() => undefined);
}

export async function releaseTicket(
  d: { db: Db; temporal: Client; taskQueue: string },
  t: TicketRow,
  action: ReleaseAction,
  actor: Actor,
): Promise<void> {
  if (action === 'end') throw new DomainError('Validation', {}, { fields: { action: { code: 'invalid_value' } } });
  const id = t.id;
  const workflowId = t.workflow_id;
  if (await isRunning(d.temporal, workflowId)) {
    const ask =
      action === 'cancel'
        ? updateTicket(d.temporal, id, msg.cancelTicket, { actor, reason: 'released' })
        : updateTicket(d.temporal, id, msg.requeueTicket, { actor, reason: 'released' });
    const r = await answered(ask);
    if (r !== 'timeout') return;
    ask.catch(() => undefined); // answered after the workflow is gone: nobody waits for it
    await terminate(d.temporal, workflowId, actor);
  }
  // The workflow is gone: settle the row ourselves, on the timeline with the supervisor as actor.
  const row: TicketRow = await d.db('tickets').where({ id }).first();
  const agentId = row.agent_id;
  if (isEnded(row.status)) throw new DomainError('TicketEnded', { number: row.number });
  if (action === 'cancel') {
    await applyStep(d.db, rowStep(row, 'cancelled', 'cancelled', actor, { reason: 'released' }));
  } else {
    let current = row;
    if (isHeld(row.status)) {
      await applyStep(d.db, rowStep(row, 'requeued', 'waiting', actor, { reason: 'released' }));
      current = await d.db('tickets').where({ id }).first();
    }
    // A new run carries the ticket on from its row, and offers it to a free agent.
    const rules = await loadServiceRules(d.db, current.service_id, current.branch_id);
    await reviveTicket(d.temporal, d.taskQueue, current, {
      view: toView(current, await topicIdsOf(d.db, id)),
      rules,
      seq: current.last_event_seq,
      callRound: 0,
      callDeadline: null,
      checkInAt: null,
    });
  }
  await d.db('shifts').where({ current_ticket_id: id }).whereNull('ended_at').update({ current_ticket_id: null });
  await d.db('stuck_work').where({ ticket_id: id }).delete();
  if (agentId !== null) await tellShift(d.db, d.temporal, agentId, 'ended', id);
}

export async function releaseShift(
  d: { db: Db; temporal: Client },
  s: ShiftRow,
  action: ReleaseAction,
  actor: Actor,
): Promise<void> {
  if (action !== 'end') throw new DomainError('Validation', {}, { fields: { action: { code: 'invalid_value' } } });
  const workflowId = s.workflow_id;
  if (await isRunning(d.temporal, workflowId)) {
    const ask = updateShift(d.temporal, workflowId, endShift);
    const r = await answered(ask);
    if (r !== 'timeout') return; // refused (the agent is serving someone) → the refusal was thrown
    ask.catch(() => undefined);
    await terminate(d.temporal, workflowId, actor);
  }
  await settleClosedShift(d.db, s.id);
}
