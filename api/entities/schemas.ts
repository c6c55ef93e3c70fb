import { z } from 'zod';
import { baseFilter } from '../http/filters.js';

export const EntityUpdate = z.object({ name: z.string().trim().min(2).max(120) }).strict();
export const EntityFilter = z.object({ ...baseFilter, slug: z.string().max(60).optional() }).strict();
