// Something a user is told (A2), e.g. an appointment confirmation; read_at marks it seen.
import { BaseModel } from './base.js';

export class Notification extends BaseModel {
  static override tableName = 'notifications';
  static override jsonAttributes = ['data'];
  declare id: number;
  declare entityId: number;
  declare userId: number;
  declare type: string;
  declare title: string;
  declare body: string | null;
  declare data: Record<string, unknown>;
  declare dedupeKey: string;
  declare readAt: Date | null;
  declare createdAt: Date;
}
