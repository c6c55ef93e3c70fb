// A group of services inside a branch (B1 service tree).
import { BaseModel } from './base.js';

export class Department extends BaseModel {
  static override tableName = 'departments';
  declare id: number;
  declare branchId: number;
  declare name: string;
}
