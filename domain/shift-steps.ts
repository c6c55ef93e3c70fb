// What one shift step is, as the shift workflow plans it and the step activity persists it.
// Both sides of that boundary import it from here, so neither imports the other (issue 14).
import type { AgentState } from './agents.js';
import type { ShiftStatus } from './shift-messages.js';

export type ShiftStepKind =
  'opened' | 'state' | 'next_state' | 'manual' | 'attention_started' | 'attention_ended' | 'ended';

/** One persisted change. `stepSeq` makes the write exactly-once; `period` opens a state period. */
export interface ShiftStep {
  shiftId: string;
  entityId: number;
  branchId: number;
  userId: number;
  stepSeq: number;
  kind: ShiftStepKind;
  at: string;
  /** A new state period (shift_state_periods row, keyed on (shift_id, seq)); the previous one closes at `at`. */
  period?: { seq: number; state: AgentState };
  patch: Partial<
    Pick<
      ShiftStatus,
      'state' | 'stateSince' | 'nextState' | 'manualMode' | 'currentTicketId' | 'currentTicketNumber' | 'endedAt'
    >
  >;
  /** The database must agree the agent holds no attention (its row lock is the final word). */
  requireFree?: boolean;
  /** attention_ended: clear the current ticket only if it is still this one. */
  endedTicketId?: string;
}
