// Listens to the database's change announcements (NOTIFY, sent by committing activities) and
// hands them on: the API to socket.io, the SFU to its rooms. One dedicated connection; reconnects
// with backoff if it drops.
import pg from 'pg';
import { EVENTS_CHANNEL } from './knex.js';
import type { Logger } from '../platform/logger.js';

export type ChangeEvent = { kind: string } & Record<string, unknown>;

/** `channels`: the SFU also hears the in-call facts channel, which no staff socket does. */
export function listenForChanges(
  url: string,
  log: Logger,
  onEvent: (e: ChangeEvent, channel: string) => void,
  channels: readonly string[] = [EVENTS_CHANNEL],
): { close(): Promise<void> } {
  let client: pg.Client | undefined;
  let closed = false;
  let delay = 250;

  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: url });
    c.on('notification', (n) => {
      if (!n.payload) return;
      try {
        onEvent(JSON.parse(n.payload) as ChangeEvent, n.channel);
      } catch (err) {
        log.warn({ err }, 'unreadable change event');
      }
    });
    c.on('error', (err) => {
      log.warn({ err: err.message }, 'change listener lost its connection; reconnecting');
      void retry();
    });
    await c.connect();
    for (const channel of channels) await c.query(`listen ${c.escapeIdentifier(channel)}`);
    client = c;
    delay = 250;
  };
  const retry = async (): Promise<void> => {
    const old = client;
    client = undefined;
    await old?.end().catch(() => undefined); // already broken
    while (!closed && !client) {
      await new Promise((r) => setTimeout(r, delay));
      delay = Math.min(delay * 2, 10_000);
      await connect().catch((err: Error) => log.warn({ err: err.message }, 'change listener reconnect failed'));
    }
  };
  void connect().catch(() => retry());
  return {
    async close() {
      closed = true;
      await client?.end();
    },
  };
}
