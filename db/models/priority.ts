// A priority level of an entity, e.g. Elderly (H1); level 0 is normal.
import { BaseModel } from './base.js';

export class Priority extends BaseModel {
  static override tableName = 'priorities';
  declare id: number;
  declare entityId: number;
  declare name: string;
  declare level: number;
  declare atKiosk: boolean;
}
