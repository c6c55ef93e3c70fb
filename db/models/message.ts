// Issue 20: one message to a customer on one channel (the outbox, messages table).
import { BaseModel } from './base.js';

export class MessageModel extends BaseModel {
  static override tableName = 'messages';
  declare id: number;
  declare entityId: number;
  declare branchId: number;
  declare ticketId: string;
  declare ticketNumber: string;
  declare kind: string;
  declare channel: string;
  declare status: string;
}
