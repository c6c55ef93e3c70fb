// An entity's integration endpoint (H8). The secret signs deliveries and is never sent back.
import type { Pojo } from 'objection';
import { BaseModel } from './base.js';

export class Webhook extends BaseModel {
  static override tableName = 'webhooks';
  // text[] column: pg sends the array as is, it must not be JSON-encoded.
  static override jsonAttributes: string[] = [];
  declare id: number;
  declare entityId: number;
  declare url: string;
  declare secret: string;
  declare events: string[];
  declare active: boolean;

  override $formatJson(json: Pojo): Pojo {
    const { secret: _writeOnly, ...rest } = super.$formatJson(json);
    return { ...rest, hasSecret: true };
  }
}
