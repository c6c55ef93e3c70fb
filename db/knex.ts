import knexFactory, { type Knex } from 'knex';
import { migrationSource } from './migrations/index.js';

export type Db = Knex;

export function createDb(url: string, poolMax = 10): Db {
  return knexFactory({
    client: 'pg',
    connection: url,
    pool: { min: 0, max: poolMax },
    // Timestamps come back as Date; dates (service_day) as 'YYYY-MM-DD' strings (see db/types.ts).
  });
}

export async function migrate(db: Db): Promise<string[]> {
  const [, applied] = (await db.migrate.latest({ migrationSource })) as [number, string[]];
  return applied;
}

/** Channel on which committed changes are announced to the API's socket.io fan-out. */
export const EVENTS_CHANNEL = 'ventanilla_events';
