import { z } from 'zod';
import { baseFilter } from '../http/filters.js';

export const BREAK_STATES = ['resting', 'lunch', 'documenting'] as const;
export const BreakCapCreate = z
  .object({ state: z.enum(BREAK_STATES), maxMinutes: z.number().int().min(1).max(480) })
  .strict();
export const BreakCapUpdate = BreakCapCreate.partial().strict();
export const BreakCapFilter = z.object({ ...baseFilter, state: z.enum(BREAK_STATES).optional() }).strict();
