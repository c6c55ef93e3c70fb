// Issue 20: an entity's own wording of one message in one language.
import { BaseModel } from './base.js';

export class MessageTemplateModel extends BaseModel {
  static override tableName = 'message_templates';
  declare id: number;
  declare entityId: number;
  declare kind: string;
  declare lang: string;
  declare subject: string;
  declare body: string;
}
