// A sub-service an agent records having served (C8).
import { BaseModel } from './base.js';

export class Topic extends BaseModel {
  static override tableName = 'topics';
  declare id: number;
  declare serviceId: number;
  declare name: string;
}
