// The shift activities as the shift workflow calls them (STYLE 4). The workflow proxies this
// interface and the worker's factory implements it (`satisfies`), so workflows/ and activities/
// meet here instead of importing each other (issue 14).
import type { AgentState } from './agents.js';
import type { ShiftStep } from './shift-steps.js';

export interface ShiftConfig {
  caps: Partial<Record<AgentState, number>>;
}

export interface BreakCapFact {
  shiftId: string;
  periodSeq: number;
  entityId: number;
  branchId: number;
  userId: number;
  state: AgentState;
  since: string;
  capMinutes: number;
}

/** What persisting a step did beyond the step itself (absent in runs recorded before issue 15's handover). */
export interface ShiftStepResult {
  /**
   * A ticket reserved for this agent as their attention ended (it was claimed in the finishing
   * transaction) that the agent will not serve now — they went on a break or to manual mode
   * meanwhile: let go, for the workflow to offer on.
   */
  released?: string;
  /**
   * The attention ended, the agent may serve, nothing is reserved for them and nobody they may
   * serve waits: there is nothing to dispatch (a ticket that starts waiting later offers itself).
   */
  idle?: boolean;
}

export interface ShiftActivities {
  /** Persists one shift step exactly once (the shift row's `last_step_seq` is the key). */
  applyShiftStep(step: ShiftStep): Promise<ShiftStepResult | void>;
  loadShiftConfig(entityId: number): Promise<ShiftConfig>;
  /** Tells supervisors a break ran over its cap; answers how many were told. */
  notifyBreakCap(fact: BreakCapFact): Promise<number>;
}
