import { z } from 'zod';
import { ALERT_DEFAULTS, AlertThresholds } from '../../domain/alerts.js';
import { baseFilter, intId, oneOrMany } from '../http/filters.js';

/** No branch and no service: entity-wide. A service's rule may leave its branch out (it is the service's). */
export const AlertRuleCreate = z
  .object({
    branchId: intId.nullable().default(null),
    serviceId: intId.nullable().default(null),
    ...AlertThresholds.shape,
    // Issue 20 added it: a client that predates it gets the default.
    lowScoreMax: AlertThresholds.shape.lowScoreMax.default(ALERT_DEFAULTS.lowScoreMax),
  })
  .strict();
/** Where a rule applies is fixed at creation: only its thresholds change. */
export const AlertRuleUpdate = AlertThresholds.partial().strict();
export const AlertRuleFilter = z
  .object({ ...baseFilter, branchId: oneOrMany(intId).optional(), serviceId: oneOrMany(intId).optional() })
  .strict();
