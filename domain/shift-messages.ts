// The shift workflow's messages, defined once (STYLE 1): the workflow, the API, the activities
// and the tests import these objects. Wire name = constant name.
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { AgentState } from './agents.js';
import { MACHINE_ACTORS, type Actor } from './tickets.js';

/** What a shift workflow starts with; the API has already written the `shifts` row (desk held). */
export interface ShiftInput {
  shiftId: string;
  userId: number;
  entityId: number;
  branchId: number;
  deskId: number;
  /** State the agent starts in. Default offline: nothing is dispatched until the agent says Online (the API sends online). */
  initialState?: AgentState;
  /** Length of one break-cap "minute" in ms; tests shorten it. Default 60 000. */
  minuteMs?: number;
}

/** The workflow's own view of the shift (the API enriches it with names from the database). */
export interface ShiftStatus {
  id: string;
  userId: number;
  entityId: number;
  branchId: number;
  deskId: number;
  state: AgentState;
  stateSince: string;
  nextState: AgentState | null;
  manualMode: boolean;
  /** The ticket the agent is calling or attending (or has just been given by dispatch). */
  currentTicketId: string | null;
  /** Its number, so refusals can name the ticket to end first (F2). */
  currentTicketNumber: string | null;
  endedAt: string | null;
}

export interface SetStateArgs {
  state: AgentState;
}
export interface NextStateArgs {
  nextState: AgentState | null;
}
export interface ManualArgs {
  manual: boolean;
}
export interface AttentionArgs {
  ticketId: string;
  number?: string;
}
/** What `callNext` did: the ticket it called, or null when nobody this agent may serve is waiting. */
export interface CallNextResult {
  ticketId: string | null;
  shift: ShiftStatus;
}

/** Answers once the first state period is stored (like the ticket's `registered`). */
export const shiftOpened = defineUpdate<ShiftStatus>('shiftOpened');
export const setState = defineUpdate<ShiftStatus, [SetStateArgs]>('setState');
export const setNextState = defineUpdate<ShiftStatus, [NextStateArgs]>('setNextState');
export const setManualMode = defineUpdate<ShiftStatus, [ManualArgs]>('setManualMode');
export const endShift = defineUpdate<ShiftStatus>('endShift');
/** Claim the next ticket now (manual mode's "next", or a nudge in automatic mode). */
export const callNext = defineUpdate<CallNextResult>('callNext');
/** A waiting ticket the agent chose (A12's "Attend"), called by `actor` (the agent) to the shift's desk. */
export interface CallChosenArgs {
  ticketId: string;
  actor: Actor;
}
/**
 * Call the chosen ticket now. The shift owns what its agent serves, so the busy and availability
 * rule that refuses `callNext` refuses this too (issue 16: on a break, nobody is called).
 */
export const callChosen = defineUpdate<CallNextResult, [CallChosenArgs]>('callChosen');
/** From the ticket workflow (through an activity): the agent now calls this ticket. */
export const attentionStarted = defineSignal<[AttentionArgs]>('attentionStarted');
/** From the ticket workflow: the attention ended (finished, cancelled, no-show, requeued, transferred). */
export const attentionEnded = defineSignal<[AttentionArgs]>('attentionEnded');
/** A waiting ticket offered to a shift; `tried` are the shifts it was offered to before, in order. */
export interface TicketOffer {
  ticketId: string;
  tried?: string[];
}
/**
 * From the ticket workflow (through an activity): a ticket this agent may serve started waiting.
 * Only a wake-up: the shift runs its own dispatch (which picks by the branch's order), so the
 * shift is the one owner of what its agent serves and a ticket never calls anyone.
 */
export const ticketWaiting = defineSignal<[TicketOffer]>('ticketWaiting');
export const getShift = defineQuery<ShiftStatus>('getShift');

/** Who calls tickets that dispatch gave to an agent (the timeline shows it). */
export const DISPATCH_ACTOR: Actor = { type: 'system', name: MACHINE_ACTORS.dispatch };

/** Notification type raised when a break runs over its cap. */
export const BREAK_CAP_NOTIFICATION = 'break_cap_exceeded';
