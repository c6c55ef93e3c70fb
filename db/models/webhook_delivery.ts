// One event for one webhook: attempts until a 2xx (H8), or until it gives up (issue 13).
import type { Pojo } from 'objection';
import { BaseModel } from './base.js';

/** What the back office shows: delivered, no longer tried, or still being tried. */
export type WebhookDeliveryStatus = 'delivered' | 'failed' | 'pending';

export class WebhookDelivery extends BaseModel {
  static override tableName = 'webhook_deliveries';
  static override jsonAttributes = ['payload'];
  declare id: number;
  declare webhookId: number;
  declare eventKey: string;
  declare event: string;
  declare payload: Record<string, unknown>;
  declare attempts: number;
  declare lastStatus: number | null;
  declare lastError: string | null;
  declare lastAttemptAt: Date | null;
  declare nextAttemptAt: Date;
  declare deliveredAt: Date | null;
  declare gaveUpAt: Date | null;
  declare createdAt: Date;

  override $formatJson(json: Pojo): Pojo {
    const out = super.$formatJson(json);
    const status: WebhookDeliveryStatus = out.deliveredAt ? 'delivered' : out.gaveUpAt ? 'failed' : 'pending';
    // The retry lease is bookkeeping; a delivered or abandoned row has no next attempt.
    return { ...out, status, nextAttemptAt: status === 'pending' ? out.nextAttemptAt : null };
  }
}
