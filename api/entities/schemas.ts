import { z } from 'zod';
import { text } from '../../domain/text.js';
import { baseFilter, textFilter } from '../http/filters.js';

export const EntityUpdate = z
  .object({ name: text({ max: 120, min: 2 }), retentionMonths: z.number().int().min(1).max(1200).nullable() })
  .partial()
  .strict();
export const EntityFilter = z.object({ ...baseFilter, slug: textFilter(60).optional() }).strict();
