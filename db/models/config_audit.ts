// One change of configuration (issue 19): who, when, what record, and its fields before and after.
import type { AuditAction } from '../../domain/config-audit.js';
import { BaseModel } from './base.js';

export class ConfigAudit extends BaseModel {
  static override tableName = 'config_audit';
  static override jsonAttributes = ['before', 'after'];
  declare id: number;
  declare entityId: number;
  declare branchId: number | null;
  declare resource: string;
  declare recordId: number;
  declare action: AuditAction;
  declare actorId: number | null;
  declare actorName: string;
  declare before: Record<string, unknown> | null;
  declare after: Record<string, unknown> | null;
  declare changed: string[];
  declare at: Date;
}
