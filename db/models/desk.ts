// A place an agent serves from (A7); one open shift per desk.
import { BaseModel } from './base.js';

export class Desk extends BaseModel {
  static override tableName = 'desks';
  declare id: number;
  declare branchId: number;
  declare name: string;
  /** Computed in lists (api/desks): the agent whose open shift holds it, if any. */
  declare heldBy?: string | null;
  declare heldByUserId?: number | null;
}
