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

export interface ShiftActivities {
  /** Persists one shift step exactly once (the shift row's `last_step_seq` is the key). */
  applyShiftStep(step: ShiftStep): Promise<void>;
  loadShiftConfig(entityId: number): Promise<ShiftConfig>;
  /** Tells supervisors a break ran over its cap; answers how many were told. */
  notifyBreakCap(fact: BreakCapFact): Promise<number>;
}
