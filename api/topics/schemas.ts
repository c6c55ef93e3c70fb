import { z } from 'zod';
import { text } from '../../domain/text.js';
import { baseFilter, intId, oneOrMany } from '../http/filters.js';

export const TopicCreate = z.object({ serviceId: intId, name: text({ max: 120, min: 2 }) }).strict();
/** A topic may move to another service of the same branch (tickets of that branch record it). */
export const TopicUpdate = TopicCreate.partial().strict();
export const TopicFilter = z.object({ ...baseFilter, serviceId: oneOrMany(intId).optional() }).strict();
