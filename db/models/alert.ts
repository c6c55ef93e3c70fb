// Issue 19: an alert from raise to clear (db/alerts/record.ts writes them; the API only reads).
import { BaseModel } from './base.js';

export class Alert extends BaseModel {
  static override tableName = 'alerts';
  static override jsonAttributes = ['params'];
  declare id: number;
  declare entityId: number;
  declare branchId: number;
  declare kind: string;
  declare subject: string;
  declare serviceId: number | null;
  declare userId: number | null;
  declare shiftId: string | null;
  declare ticketId: string | null;
  declare params: Record<string, string | number | null>;
  declare raisedAt: Date;
  declare clearedAt: Date | null;
  declare clearedBy: number | null;
}
