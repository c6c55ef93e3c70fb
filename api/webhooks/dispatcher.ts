// Runs the webhook outbox inside the API process: scan for new events, send what is due, sleep.
// A change announcement (kick) wakes it early so receivers hear of a step within moments. Under
// load a step is announced every few milliseconds; a round is some fifteen statements, so kicks
// start at most one round per KICK_SPACING_MS, and a round with no active webhook anywhere is one
// cheap read (the bench spent a third of PostgreSQL's statements on rounds that found nothing).
import { outboundPolicy } from '../../platform/outbound/index.js';
import type { ApiDeps } from '../deps.js';
import { deliverDue, type DeliveryOptions } from './deliver.js';
import { anyActiveWebhook, enqueueNewEvents } from './outbox.js';

export interface WebhookDispatcher {
  /** A change was committed; `kind` (the change event's) skips kinds that write no outbox row. */
  kick(kind?: string): void;
  close(): Promise<void>;
}

export const DEFAULT_DELIVERY: DeliveryOptions & { pollMs: number } = {
  pollMs: 1000,
  baseBackoffMs: 1000,
  maxBackoffMs: 3600_000,
  maxAttempts: 15,
  timeoutMs: 10_000,
};

/** Rounds started by kicks are at least this far apart (the 1 s poll is the other trigger). */
export const KICK_SPACING_MS = 200;

/** The change kinds whose rows the outbox reads (ticket_events, shift_state_periods). */
const OUTBOX_KINDS = new Set(['ticket', 'shift']);

export function startWebhookDispatcher(
  { db, log, config }: Pick<ApiDeps, 'db' | 'log' | 'config'>,
  options: Partial<typeof DEFAULT_DELIVERY> = {},
): WebhookDispatcher {
  const o = { ...DEFAULT_DELIVERY, ...options };
  const policy = outboundPolicy(config.OUTBOUND_ALLOW ?? []);
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  let wake: (() => void) | undefined;

  const round = async () => {
    try {
      // No active webhook: nothing to enqueue or send. The cursor waits; the first scan after a
      // webhook is created reads the gap once (events before its creation are not sent anyway).
      if (!(await anyActiveWebhook(db))) return;
      await enqueueNewEvents(db);
      await deliverDue(db, o, policy);
    } catch (err) {
      // The next round retries; a database outage must not stop the loop for good.
      log.error({ err }, 'webhook round failed; retrying at the next poll');
    }
  };
  // Kicks that arrive during a round are remembered (one more round), and many kicks in a burst
  // coalesce into that one round instead of a scan per change.
  let kicked = false;
  const loop = async () => {
    while (!closed) {
      kicked = false;
      const started = Date.now();
      await round();
      if (!kicked)
        await new Promise<void>((resolve) => {
          wake = resolve;
          timer = setTimeout(resolve, o.pollMs);
        });
      // A kick (during the round or the sleep) runs the next round no sooner than the spacing.
      const wait = started + KICK_SPACING_MS - Date.now();
      if (!closed && wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
  };
  const running = loop();
  return {
    kick(kind) {
      if (kind !== undefined && !OUTBOX_KINDS.has(kind)) return;
      kicked = true;
      if (timer) clearTimeout(timer);
      wake?.();
    },
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      wake?.();
      await running;
    },
  };
}
