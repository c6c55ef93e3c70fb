import { z } from 'zod';
import { baseFilter, intId, oneOrMany } from '../http/filters.js';

export const DepartmentCreate = z.object({ branchId: intId, name: z.string().trim().min(2).max(120) }).strict();
/** A department cannot change branch: its services are pinned to the branch by foreign key. */
export const DepartmentUpdate = DepartmentCreate.omit({ branchId: true }).partial().strict();
export const DepartmentFilter = z.object({ ...baseFilter, branchId: oneOrMany(intId).optional() }).strict();
