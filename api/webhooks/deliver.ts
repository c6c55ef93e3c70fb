// Sends due deliveries: JSON body signed with HMAC-SHA256 of the exact bytes, retried with
// exponential backoff until the receiver answers 2xx. Receivers dedupe by X-Ventanilla-Event-Key
// (delivery is at least once: a receiver that times out after processing gets the event again).
import { createHmac } from 'node:crypto';
import type { Db } from '../../db/knex.js';

export interface DeliveryOptions {
  /** First retry delay; doubles per attempt up to maxBackoffMs. */
  baseBackoffMs: number;
  maxBackoffMs: number;
  maxAttempts: number;
  timeoutMs: number;
}

export const sign = (secret: string, body: string): string => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

export const backoffMs = (attempts: number, o: DeliveryOptions): number => Math.min(o.baseBackoffMs * 2 ** Math.max(attempts - 1, 0), o.maxBackoffMs);

interface Due { id: number; event_key: string; event: string; payload: unknown; attempts: number; url: string; secret: string }

/** Claims up to `limit` due deliveries (a lease, so another instance does not send them too). */
async function claim(db: Db, o: DeliveryOptions, limit: number): Promise<Due[]> {
  const { rows } = await db.raw(`
    with due as (
      select d.id from webhook_deliveries d join webhooks w on w.id = d.webhook_id
      where d.delivered_at is null and d.next_attempt_at <= now() and d.attempts < ? and w.active
      order by d.next_attempt_at, d.id limit ? for update of d skip locked)
    update webhook_deliveries d set next_attempt_at = now() + make_interval(secs => ?)
    from due, webhooks w where d.id = due.id and w.id = d.webhook_id
    returning d.id, d.event_key, d.event, d.payload, d.attempts, w.url, w.secret`, [o.maxAttempts, limit, (o.timeoutMs * 2) / 1000]);
  return rows as Due[];
}

async function send(d: Due, o: DeliveryOptions): Promise<{ status: number | null; error: string | null }> {
  const body = JSON.stringify(d.payload);
  try {
    const res = await fetch(d.url, {
      method: 'POST', redirect: 'manual', signal: AbortSignal.timeout(o.timeoutMs), body,
      headers: {
        'content-type': 'application/json', 'user-agent': 'Ventanilla-Webhooks/1',
        'x-ventanilla-event': d.event, 'x-ventanilla-event-key': d.event_key, 'x-ventanilla-signature': sign(d.secret, body),
      },
    });
    await res.body?.cancel(); // the answer's body is not used; free the socket
    return { status: res.status, error: res.ok ? null : `HTTP ${res.status}` };
  } catch (err) {
    return { status: null, error: (err as Error).message.slice(0, 500) };
  }
}

/** Sends what is due; returns how many were delivered. */
export async function deliverDue(db: Db, o: DeliveryOptions, limit = 20): Promise<number> {
  const due = await claim(db, o, limit);
  const results = await Promise.all(due.map(async (d) => {
    const { status, error } = await send(d, o);
    const attempts = d.attempts + 1;
    const ok = status !== null && status >= 200 && status < 300;
    await db('webhook_deliveries').where({ id: d.id }).update({
      attempts, last_status: status, last_error: ok ? null : attempts >= o.maxAttempts ? `gave up after ${attempts} attempts: ${String(error)}` : error,
      delivered_at: ok ? db.fn.now() : null,
      next_attempt_at: ok ? db.fn.now() : db.raw(`now() + make_interval(secs => ?)`, [backoffMs(attempts, o) / 1000]),
    });
    return ok;
  }));
  return results.filter(Boolean).length;
}
