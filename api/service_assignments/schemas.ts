import { z } from 'zod';
import { ASSIGNMENT_KINDS } from '../../domain/agents.js';
import { baseFilter, intId, oneOrMany } from '../http/filters.js';

export const ServiceAssignmentCreate = z
  .object({ userId: intId, serviceId: intId, kind: z.enum(ASSIGNMENT_KINDS) })
  .strict();
/** To move an assignment, delete it and create another: only main/support changes in place. */
export const ServiceAssignmentUpdate = ServiceAssignmentCreate.pick({ kind: true }).partial().strict();
export const ServiceAssignmentFilter = z
  .object({
    ...baseFilter,
    userId: oneOrMany(intId).optional(),
    serviceId: oneOrMany(intId).optional(),
    kind: z.enum(ASSIGNMENT_KINDS).optional(),
  })
  .strict();
