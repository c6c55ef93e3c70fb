// Sends deliveries: the JSON body, timestamped and signed (sign below), retried with exponential
// backoff until the receiver answers 2xx. Receivers dedupe by X-Ventanilla-Event-Key (delivery is
// at least once: a receiver that times out after processing gets the event again). Every send
// goes through the outbound policy after DNS; a refused destination is recorded and abandoned at
// once, since no retry can change the answer (issue 13).
import { createHmac } from 'node:crypto';
import type { Db } from '../../db/knex.js';
import { OutboundRefused, postChecked, type OutboundPolicy } from '../../platform/outbound/index.js';

export interface DeliveryOptions {
  /** First retry delay; doubles per attempt up to maxBackoffMs. */
  baseBackoffMs: number;
  maxBackoffMs: number;
  maxAttempts: number;
  timeoutMs: number;
}

/**
 * `X-Ventanilla-Signature: sha256=<hex HMAC-SHA256(secret, "<timestamp>.<body>")>`, with the
 * timestamp (Unix seconds) sent as `X-Ventanilla-Timestamp`: a receiver that checks the
 * timestamp is recent cannot be fed an old, captured request again.
 */
export const sign = (secret: string, timestamp: number, body: string): string =>
  `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;

export const backoffMs = (attempts: number, o: DeliveryOptions): number =>
  Math.min(o.baseBackoffMs * 2 ** Math.max(attempts - 1, 0), o.maxBackoffMs);

interface Due {
  id: number;
  event_key: string;
  event: string;
  payload: unknown;
  attempts: number;
  url: string;
  secret: string;
}
interface Outcome {
  status: number | null;
  error: string | null;
  permanent: boolean;
}

const RETURNING = 'returning d.id, d.event_key, d.event, d.payload, d.attempts, w.url, w.secret';
/** While a send is under way its row is leased (next attempt pushed past the send's time-out). */
const leaseSecs = (o: DeliveryOptions) => (o.timeoutMs * 2) / 1000;

/** Claims up to `limit` due deliveries (a lease, so another instance does not send them too). */
async function claimDue(db: Db, o: DeliveryOptions, limit: number): Promise<Due[]> {
  const { rows } = await db.raw(
    `
    with due as (
      select d.id from webhook_deliveries d join webhooks w on w.id = d.webhook_id
      where d.delivered_at is null and d.gave_up_at is null and d.next_attempt_at <= now() and d.attempts < ? and w.active
      order by d.next_attempt_at, d.id limit ? for update of d skip locked)
    update webhook_deliveries d set next_attempt_at = now() + make_interval(secs => ?)
    from due, webhooks w where d.id = due.id and w.id = d.webhook_id
    ${RETURNING}`,
    [o.maxAttempts, limit, leaseSecs(o)],
  );
  return rows as Due[];
}

/** Claims one delivery for a manual send; `fresh` gives it a new retry schedule (resend). */
async function claimOne(db: Db, o: DeliveryOptions, id: number, fresh: boolean): Promise<Due | undefined> {
  const reset = fresh
    ? ', attempts = 0, delivered_at = null, gave_up_at = null, last_error = null, last_status = null'
    : '';
  const { rows } = await db.raw(
    `
    update webhook_deliveries d set next_attempt_at = now() + make_interval(secs => ?)${reset}
    from webhooks w where d.id = ? and w.id = d.webhook_id
    ${RETURNING}`,
    [leaseSecs(o), id],
  );
  return (rows as Due[])[0];
}

async function send(d: Due, o: DeliveryOptions, policy: OutboundPolicy): Promise<Outcome> {
  const body = JSON.stringify(d.payload);
  const timestamp = Math.floor(Date.now() / 1000);
  const url = URL.canParse(d.url) ? new URL(d.url) : undefined;
  if (!url || !/^https?:$/.test(url.protocol))
    return { status: null, error: 'refused, not retried: not an http(s) URL', permanent: true };
  try {
    const status = await postChecked(policy, url, body, {
      timeoutMs: o.timeoutMs,
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Ventanilla-Webhooks/1',
        'x-ventanilla-event': d.event,
        'x-ventanilla-event-key': d.event_key,
        'x-ventanilla-timestamp': String(timestamp),
        'x-ventanilla-signature': sign(d.secret, timestamp, body),
      },
    });
    if (status >= 200 && status < 300) return { status, error: null, permanent: false };
    return {
      status,
      error: status >= 300 && status < 400 ? `HTTP ${status} (redirects are not followed)` : `HTTP ${status}`,
      permanent: false,
    };
  } catch (err) {
    if (err instanceof OutboundRefused)
      return { status: null, error: `refused, not retried: ${err.message}`, permanent: true };
    return { status: null, error: (err as Error).message.slice(0, 500), permanent: false };
  }
}

/** Writes one attempt's outcome; `retry: false` abandons the delivery if it failed (a test send). */
async function record(db: Db, d: Due, o: DeliveryOptions, r: Outcome, retry: boolean): Promise<boolean> {
  const attempts = d.attempts + 1;
  const ok = r.error === null;
  const exhausted = !ok && !r.permanent && retry && attempts >= o.maxAttempts;
  const giveUp = !ok && (r.permanent || !retry || exhausted);
  await db('webhook_deliveries')
    .where({ id: d.id })
    .update({
      attempts,
      last_status: r.status,
      last_attempt_at: db.fn.now(),
      last_error: exhausted ? `gave up after ${attempts} attempts: ${String(r.error)}` : r.error,
      delivered_at: ok ? db.fn.now() : null,
      gave_up_at: giveUp ? db.fn.now() : null,
      next_attempt_at:
        ok || giveUp ? db.fn.now() : db.raw(`now() + make_interval(secs => ?)`, [backoffMs(attempts, o) / 1000]),
    });
  return ok;
}

/** Sends what is due; returns how many were delivered. */
export async function deliverDue(db: Db, o: DeliveryOptions, policy: OutboundPolicy, limit = 20): Promise<number> {
  const due = await claimDue(db, o, limit);
  const results = await Promise.all(due.map(async (d) => record(db, d, o, await send(d, o, policy), true)));
  return results.filter(Boolean).length;
}

/**
 * Sends one delivery now, for the back office: `resend` puts it on a fresh schedule first (a
 * failure is then retried as usual); a test send is tried once. The caller checks the tenant.
 */
export async function deliverNow(
  db: Db,
  o: DeliveryOptions,
  policy: OutboundPolicy,
  id: number,
  how: 'resend' | 'test',
): Promise<void> {
  const d = await claimOne(db, o, id, how === 'resend');
  if (d) await record(db, d, o, await send(d, o, policy), how === 'resend');
}
