// What a persisted ticket step means for shifts and dispatch. Pure, so the ticket workflow can
// compute it deterministically and hand it to the `ticketEffect` activity after the step.
import { DISPATCH_ACTOR } from '../../domain/shift-messages.js';
import { isHeld } from '../../domain/tickets.js';
import type { TicketEffect } from '../../domain/dispatch-activities.js';
import type { Step } from '../../domain/ticket-steps.js';

/** `agentBefore` is the ticket's agent before the step (a requeue or transfer clears it). */
export function effectsOf(step: Step, agentBefore: number | null): TicketEffect[] {
  const out: TicketEffect[] = [];
  // A call dispatch made is already reserved on the shift row; only calls by hand are news.
  const byDispatch = step.actor.type === DISPATCH_ACTOR.type && step.actor.name === DISPATCH_ACTOR.name;
  if (step.type === 'called' && !byDispatch && typeof step.patch.agentId === 'number')
    out.push({ kind: 'called', ticketId: step.ticketId, agentId: step.patch.agentId });
  // The attention ended (finished, cancelled, no-show, requeued, transferred away): the shift
  // applies its next state (A4) and the agent is free again — before the ticket is offered.
  if (isHeld(step.from) && !isHeld(step.to) && agentBefore !== null)
    out.push({ kind: 'ended', ticketId: step.ticketId, agentId: agentBefore });
  // Started waiting (requeued, transferred, checked in): offer it to a free agent.
  if (step.to === 'waiting' && (step.from !== 'waiting' || step.type === 'transferred'))
    out.push({
      kind: 'waiting',
      ticketId: step.ticketId,
      ...(agentBefore !== null ? { releasedBy: agentBefore } : {}),
    });
  return out;
}
