// Issue 19: alert thresholds for the entity (no branch), a branch or a service.
import { TimestampedModel } from './base.js';

export class AlertRule extends TimestampedModel {
  static override tableName = 'alert_rules';
  declare id: number;
  declare entityId: number;
  declare branchId: number | null;
  declare serviceId: number | null;
  declare slaBreach: boolean;
  declare queueLengthMax: number | null;
  declare unservedAfterSeconds: number | null;
  declare breakOverCap: boolean;
  declare stuckWork: boolean;
  declare lowScoreMax: number | null;
}
