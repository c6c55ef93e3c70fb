// How long a break state may last before supervisors are told.
import { BaseModel } from './base.js';

export class BreakCap extends BaseModel {
  static override tableName = 'break_caps';
  declare id: number;
  declare entityId: number;
  declare state: string;
  declare maxMinutes: number;
}
