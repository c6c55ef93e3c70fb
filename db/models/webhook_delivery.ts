// One event for one webhook: attempts until a 2xx (H8).
import { BaseModel } from './base.js';

export class WebhookDelivery extends BaseModel {
  static override tableName = 'webhook_deliveries';
  static override jsonAttributes = ['payload'];
  declare id: number;
  declare webhookId: number;
  declare eventKey: string;
  declare payload: Record<string, unknown>;
  declare attempts: number;
  declare lastStatus: number | null;
  declare deliveredAt: Date | null;
}
