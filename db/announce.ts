// Announces a change (domain/contracts/realtime.ts) on the events channel. NOTIFY is
// transactional: listeners hear it only if the surrounding transaction commits, and once per
// commit, so a retried activity never announces twice. socket.io (api/realtime/socket.ts) and
// the SFU fan it out.
import type { Knex } from 'knex';
import type { KnownEvent } from '../domain/contracts/realtime.js';
import { EVENTS_CHANNEL } from './knex.js';

export async function announce(db: Knex | Knex.Transaction, event: KnownEvent): Promise<void> {
  await db.raw('select pg_notify(?, ?)', [EVENTS_CHANNEL, JSON.stringify(event)]);
}
