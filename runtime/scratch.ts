// A throw-away PostgreSQL (embedded) and Temporal dev server in a temporary folder, with a
// migrated database: what benchmarks and the history recorder run against.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import '../db/types.js';
import { createDb, migrate, type Db } from '../db/knex.js';
import type { Logger } from '../platform/logger.js';
import { freePort } from '../platform/ports.js';
import { ensureDatabase, startPostgres, type RunningPostgres } from './postgres.js';
import { startTemporal, type RunningTemporal } from './temporal-server.js';

export interface Scratch {
  dir: string;
  db: Db;
  dbUrl: string;
  pg: RunningPostgres;
  pgPort: number;
  pgDir: string;
  temporal: RunningTemporal;
  temporalPort: number;
  /** The dev server's SQLite file, when `persistTemporal` (a restarted server finds its state). */
  temporalDbFile?: string;
  /** Stops both servers (the current ones, if the caller restarted them) and deletes the folder. */
  stop(current?: { pg?: RunningPostgres; temporal?: RunningTemporal }): Promise<void>;
}

export async function startScratch(opts: {
  log: Logger;
  dbName: string;
  persistTemporal?: boolean;
  /** Another Temporal than the dev server, started once PostgreSQL is up (it may keep its state there). */
  temporal?: (ctx: { pgUrl: string; dir: string }) => Promise<RunningTemporal>;
}): Promise<Scratch> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ventanilla-scratch-'));
  fs.chmodSync(dir, 0o755); // the embedded server runs as the postgres user when we are root
  const [pgPort, temporalPort] = await Promise.all([freePort(), freePort()]);
  const pgDir = path.join(dir, 'pg');
  const temporalDbFile = opts.persistTemporal ? path.join(dir, 'temporal.db') : undefined;
  const custom = opts.temporal;
  const [pg, devServer] = await Promise.all([
    startPostgres({ dataDir: pgDir, port: pgPort, log: opts.log }),
    custom
      ? undefined
      : startTemporal({ namespaces: ['default'], dbFile: temporalDbFile, port: temporalPort, log: opts.log }),
  ]);
  let temporal: RunningTemporal;
  try {
    temporal = devServer ?? (await custom!({ pgUrl: pg.url, dir }));
  } catch (err) {
    // Nothing of a failed start may outlive this process.
    await pg.stop();
    fs.rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  const dbUrl = await ensureDatabase(pg.url, opts.dbName);
  const db = createDb(dbUrl, 20);
  await migrate(db);
  return {
    dir,
    db,
    dbUrl,
    pg,
    pgPort,
    pgDir,
    temporal,
    temporalPort,
    temporalDbFile,
    async stop(current = {}) {
      await db.destroy();
      await Promise.allSettled([(current.temporal ?? temporal).stop(), (current.pg ?? pg).stop()]);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
