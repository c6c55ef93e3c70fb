// A service an agent serves, as main or support (A5, A6).
import { BaseModel } from './base.js';

export class ServiceAssignment extends BaseModel {
  static override tableName = 'service_assignments';
  declare id: number;
  declare userId: number;
  declare serviceId: number;
  declare kind: 'main' | 'support';
}
