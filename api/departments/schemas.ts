import { z } from 'zod';
import { text } from '../../domain/text.js';
import { baseFilter, intId, oneOrMany } from '../http/filters.js';

export const DepartmentCreate = z.object({ branchId: intId, name: text({ max: 120, min: 2 }) }).strict();
/** A department cannot change branch: its services are pinned to the branch by foreign key. */
export const DepartmentUpdate = DepartmentCreate.omit({ branchId: true }).partial().strict();
export const DepartmentFilter = z.object({ ...baseFilter, branchId: oneOrMany(intId).optional() }).strict();
