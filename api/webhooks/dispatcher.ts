// Runs the webhook outbox inside the API process: scan for new events, send what is due, sleep.
// A change announcement (kick) wakes it early so receivers hear of a step within moments.
import { outboundPolicy } from '../../platform/outbound/index.js';
import type { ApiDeps } from '../deps.js';
import { deliverDue, type DeliveryOptions } from './deliver.js';
import { enqueueNewEvents } from './outbox.js';

export interface WebhookDispatcher {
  kick(): void;
  close(): Promise<void>;
}

export const DEFAULT_DELIVERY: DeliveryOptions & { pollMs: number } = {
  pollMs: 1000,
  baseBackoffMs: 1000,
  maxBackoffMs: 3600_000,
  maxAttempts: 15,
  timeoutMs: 10_000,
};

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
      await round();
      if (kicked) continue;
      await new Promise<void>((resolve) => {
        wake = resolve;
        timer = setTimeout(resolve, o.pollMs);
      });
    }
  };
  const running = loop();
  return {
    kick() {
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
