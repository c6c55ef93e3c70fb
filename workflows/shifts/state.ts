// The shift state machine (G2, A3/A4/A11/A12, F1/F2), free of Temporal I/O so it is unit-testable.
// As with tickets: the workflow asks `plan*` for a step (which throws when the step is illegal,
// so validators refuse before history records anything), persists it, then `apply`s it.
import { refusal } from '../../domain/failure.js';
import { AGENT_STATES, type AgentState } from '../../domain/agents.js';
import type { ShiftStatus, TicketOffer } from '../../domain/shift-messages.js';
import type { ShiftStep, ShiftStepKind } from '../../domain/shift-steps.js';

export interface ShiftData {
  status: ShiftStatus;
  stepSeq: number;
  periodSeq: number;
  /** Break caps in minutes by state (entity-level `break_caps`). */
  caps: Partial<Record<AgentState, number>>;
  minuteMs: number;
  /** Absolute time the current break runs over its cap; null once notified or when uncapped. */
  capDeadline: string | null;
  /** Set when the agent becomes free to serve: the workflow then runs one dispatch. */
  dispatchPending: boolean;
  /** Ticket just released by an ended attention: not offered straight back (e.g. a requeue). */
  skipTicketId: string | null;
  /** Tickets offered to this shift since its last dispatch (absent in runs before offers existed). */
  offers?: TicketOffer[];
}

/** Refusals carry a stable code and params (domain/errors.ts); the message is English for logs. */
export const illegal = refusal;

const addMs = (iso: string, ms: number): string => new Date(Date.parse(iso) + ms).toISOString();

/** Only Online, automatic and free makes an agent someone dispatch gives customers to (A3, A12). */
export const isAvailable = (s: ShiftStatus): boolean =>
  s.endedAt === null && s.state === 'online' && !s.manualMode && s.currentTicketId === null;

export class ShiftMachine {
  constructor(public data: ShiftData) {}

  get status(): ShiftStatus {
    return this.data.status;
  }

  private step(kind: ShiftStepKind, at: string, patch: ShiftStep['patch'], extra: Partial<ShiftStep> = {}): ShiftStep {
    const s = this.status;
    return {
      shiftId: s.id,
      entityId: s.entityId,
      branchId: s.branchId,
      userId: s.userId,
      stepSeq: this.data.stepSeq + 1,
      kind,
      at,
      patch,
      ...extra,
    };
  }

  private stateStep(
    kind: ShiftStepKind,
    state: AgentState,
    at: string,
    patch: ShiftStep['patch'] = {},
    extra: Partial<ShiftStep> = {},
  ): ShiftStep {
    return this.step(
      kind,
      at,
      { state, stateSince: at, ...patch },
      { period: { seq: this.data.periodSeq + 1, state }, ...extra },
    );
  }

  private requireOpen(): void {
    if (this.status.endedAt !== null) throw illegal('ShiftEnded');
  }

  private requireKnown(state: unknown, field: string): asserts state is AgentState {
    if (!AGENT_STATES.includes(state as AgentState))
      throw illegal('Validation', {}, `Unknown state ${String(state)}.`, { [field]: { code: 'invalid_value' } });
  }

  planOpen(state: AgentState, at: string): ShiftStep {
    this.requireKnown(state, 'state');
    return this.stateStep('opened', state, at);
  }

  /** A3: leaving Online is refused while an attention is open: the agent sets it as next state instead (A4). */
  planState(state: AgentState, at: string): ShiftStep {
    this.requireOpen();
    this.requireKnown(state, 'state');
    if (state === this.status.state) throw illegal('AlreadyInState', { state });
    const busy = state !== 'online';
    if (busy && this.status.currentTicketId !== null) {
      throw illegal('BusyFinishFirst', { number: this.busyWith(), state, ticketId: this.status.currentTicketId });
    }
    // A state chosen by hand replaces any pending next state.
    return this.stateStep('state', state, at, { nextState: null }, { requireFree: busy });
  }

  /** A4: where the agent goes by itself when the current attention ends; null clears it. */
  planNextState(nextState: AgentState | null, at: string): ShiftStep {
    this.requireOpen();
    if (nextState !== null) this.requireKnown(nextState, 'nextState');
    return this.step('next_state', at, { nextState });
  }

  /** A12: manual mode stops automatic dispatch; back to automatic dispatches at once. */
  planManual(manual: boolean, at: string): ShiftStep {
    this.requireOpen();
    if (manual === this.status.manualMode) throw illegal('ModeAlreadySet', { manual });
    return this.step('manual', at, { manualMode: manual });
  }

  /** F1/F2: log out ends the shift and frees the desk; never while calling or attending. */
  planEnd(at: string): ShiftStep {
    this.requireOpen();
    if (this.status.currentTicketId !== null) {
      throw illegal('BusyCannotLogOut', { number: this.busyWith(), ticketId: this.status.currentTicketId });
    }
    return this.step(
      'ended',
      at,
      { state: 'offline', endedAt: at, nextState: null, currentTicketId: null, currentTicketNumber: null },
      { requireFree: true },
    );
  }

  private busyWith(): string {
    return this.status.currentTicketNumber ?? '';
  }

  planStarted(ticketId: string, number: string | null, at: string): ShiftStep | null {
    if (this.status.endedAt !== null || this.status.currentTicketId === ticketId) return null;
    return this.step('attention_started', at, { currentTicketId: ticketId, currentTicketNumber: number });
  }

  /** A4: the attention ended; the pending next state applies now. A stale end (another ticket is current) changes nothing. */
  planEnded(ticketId: string, at: string): ShiftStep | null {
    const s = this.status;
    if (s.endedAt !== null) return null;
    if (s.currentTicketId !== null && s.currentTicketId !== ticketId) return null;
    const extra = { endedTicketId: ticketId };
    const cleared = { nextState: null, currentTicketId: null, currentTicketNumber: null };
    if (s.nextState !== null && s.nextState !== s.state)
      return this.stateStep('attention_ended', s.nextState, at, cleared, extra);
    return this.step('attention_ended', at, cleared, extra);
  }

  /** Dispatch gave the agent a ticket: the activity has reserved it in the shift row already. */
  assigned(ticket: { ticketId: string; number: string } | null): void {
    if (ticket !== null)
      Object.assign(this.status, { currentTicketId: ticket.ticketId, currentTicketNumber: ticket.number });
  }

  capNotified(): void {
    this.data.capDeadline = null;
  }

  apply(step: ShiftStep): void {
    const wasAvailable = isAvailable(this.status);
    Object.assign(this.status, step.patch);
    this.data.stepSeq = step.stepSeq;
    if (step.period) {
      this.data.periodSeq = step.period.seq;
      const cap = this.data.caps[step.period.state];
      this.data.capDeadline = cap ? addMs(step.at, cap * this.data.minuteMs) : null;
    }
    if (step.kind === 'attention_ended') this.data.skipTicketId = step.endedTicketId ?? null;
    if (step.kind === 'ended') this.data.capDeadline = null;
    // Becoming free (online, automatic, no attention) is the agent-side trigger of dispatch.
    if (isAvailable(this.status) && (!wasAvailable || step.kind === 'attention_ended'))
      this.data.dispatchPending = true;
    if (!isAvailable(this.status)) this.data.dispatchPending = false;
  }
}
