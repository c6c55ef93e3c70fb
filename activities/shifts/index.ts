// Shift activities, built from their dependencies (STYLE 4). The workflow sees only their
// contract, domain/shift-activities.ts, which this factory satisfies.
import type { Db } from '../../db/knex.js';
import type { ShiftActivities } from '../../domain/shift-activities.js';
import { loadShiftConfig, notifyBreakCap } from './breaks.js';
import { applyShiftStep } from '../../db/shifts/step.js';

export function createShiftActivities(deps: { db: Db }) {
  const { db } = deps;
  return {
    applyShiftStep: (step) => applyShiftStep(db, step),
    loadShiftConfig: (entityId) => loadShiftConfig(db, entityId),
    notifyBreakCap: (fact) => notifyBreakCap(db, fact),
  } satisfies ShiftActivities;
}
