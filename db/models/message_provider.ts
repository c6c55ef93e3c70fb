// Issue 20: an entity's SMS/WhatsApp provider. The token is write-only: never sent back, so never
// in an answer nor in the audit log (which keeps records as the API shows them).
import type { Pojo } from 'objection';
import { TimestampedModel } from './base.js';

export class MessageProviderModel extends TimestampedModel {
  static override tableName = 'message_providers';
  declare id: number;
  declare entityId: number;
  declare url: string;
  declare token: string;

  override $formatJson(json: Pojo): Pojo {
    const { token: _writeOnly, ...rest } = super.$formatJson(json);
    return { ...rest, hasToken: true };
  }
}
