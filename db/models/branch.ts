// An office of an entity, with its queue ordering policy (H1).
import { TimestampedModel } from './base.js';

export class Branch extends TimestampedModel {
  static override tableName = 'branches';
  declare id: number;
  declare entityId: number;
  declare name: string;
  declare code: string;
  declare timezone: string;
  declare orderingPolicy: string;
  declare interleaveRatio: number;
  declare ageBoostMinutes: number;
  declare checkInWindowMinutes: number;
  declare appointmentGraceMinutes: number;
}
