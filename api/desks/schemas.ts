import { z } from 'zod';
import { baseFilter, intId, oneOrMany } from '../http/filters.js';

export const DeskCreate = z.object({ branchId: intId, name: z.string().trim().min(1).max(60) }).strict();
/** Shifts and tickets pin a desk to its branch, so only the name changes. */
export const DeskUpdate = DeskCreate.omit({ branchId: true }).partial().strict();
export const DeskFilter = z.object({ ...baseFilter, branchId: oneOrMany(intId).optional() }).strict();
