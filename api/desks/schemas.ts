import { z } from 'zod';
import { name } from '../../domain/text.js';
import { baseFilter, intId, oneOrMany } from '../http/filters.js';

export const DeskCreate = z.object({ branchId: intId, name: name(60) }).strict();
/** Shifts and tickets pin a desk to its branch, so only the name changes. */
export const DeskUpdate = DeskCreate.omit({ branchId: true }).partial().strict();
export const DeskFilter = z.object({ ...baseFilter, branchId: oneOrMany(intId).optional() }).strict();
