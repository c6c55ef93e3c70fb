// Shift activities, built from their dependencies (STYLE 4). Workflows import only the type.
import type { Db } from '../../db/knex.js';
import type { ShiftStep } from '../../workflows/shifts/state.js';
import { loadShiftConfig, notifyBreakCap, type BreakCapFact } from './breaks.js';
import { applyShiftStep } from './step.js';

export function createShiftActivities(deps: { db: Db }) {
  const { db } = deps;
  return {
    applyShiftStep: (step: ShiftStep) => applyShiftStep(db, step),
    loadShiftConfig: (entityId: number) => loadShiftConfig(db, entityId),
    notifyBreakCap: (fact: BreakCapFact) => notifyBreakCap(db, fact),
  };
}

export type ShiftActivities = ReturnType<typeof createShiftActivities>;
