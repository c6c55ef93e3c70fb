import { z } from 'zod';
import { ALERT_KINDS } from '../../domain/alerts.js';
import { baseFilter, flag, intId, oneOrMany } from '../http/filters.js';

/** `open`: still on (true) or already cleared (false). */
export const AlertFilter = z
  .object({
    ...baseFilter,
    open: flag.optional(),
    branchId: oneOrMany(intId).optional(),
    kind: oneOrMany(z.enum(ALERT_KINDS)).optional(),
  })
  .strict();
