import { z } from 'zod';
import { baseFilter, intId, oneOrMany } from '../http/filters.js';

export const TopicCreate = z.object({ serviceId: intId, name: z.string().trim().min(2).max(120) }).strict();
export const TopicUpdate = TopicCreate.partial().strict();
export const TopicFilter = z.object({ ...baseFilter, serviceId: oneOrMany(intId).optional() }).strict();
