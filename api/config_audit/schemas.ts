// Issue 19: the audit log's list filters (react-admin's filter object).
import { z } from 'zod';
import { AUDIT_ACTIONS, AUDITED_RESOURCES } from '../../domain/config-audit.js';
import { baseFilter, intId, oneOrMany } from '../http/filters.js';

export const ConfigAuditFilter = z
  .object({
    ...baseFilter,
    resource: z.enum(AUDITED_RESOURCES).optional(),
    recordId: oneOrMany(intId).optional(),
    actorId: intId.optional(),
    action: z.enum(AUDIT_ACTIONS).optional(),
  })
  .strict();
