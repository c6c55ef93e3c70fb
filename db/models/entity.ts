// A tenant (H7): a bank or company; everything else hangs from it.
import { TimestampedModel } from './base.js';

export class Entity extends TimestampedModel {
  static override tableName = 'entities';
  declare id: number;
  declare name: string;
  declare slug: string;
  declare retentionMonths: number | null;
}
