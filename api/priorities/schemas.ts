import { z } from 'zod';
import { text } from '../../domain/text.js';
import { baseFilter, intId, oneOrMany } from '../http/filters.js';

export const PriorityCreate = z
  .object({ name: text({ max: 60, min: 2 }), level: z.number().int().min(0).max(9), atKiosk: z.boolean().optional() })
  .strict();
export const PriorityUpdate = PriorityCreate.partial().strict();
export const PriorityFilter = z
  .object({
    ...baseFilter,
    level: oneOrMany(z.coerce.number().int().min(0).max(9)).optional(),
    entityId: intId.optional(),
  })
  .strict();
