// A throw-away stack for benchmarks: embedded PostgreSQL, a Temporal dev server and one worker,
// all in a temporary directory, torn down by stop().
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Runtime } from '@temporalio/worker';
import '../db/types.js';
import { createDb, migrate, type Db } from '../db/knex.js';
import { createLogger } from '../runtime/logger.js';
import { freePort } from '../runtime/ports.js';
import { ensureDatabase, startPostgres } from '../runtime/postgres.js';
import { startTemporal } from '../runtime/temporal-server.js';
import { createWorker } from '../runtime/worker-factory.js';

export interface BenchStack { db: Db; client: Client; taskQueue: string; stop(): Promise<void> }

export async function startBenchStack(progress: (m: string) => void): Promise<BenchStack> {
  Runtime.install({ logger: { log: () => undefined, trace: () => undefined, debug: () => undefined, info: () => undefined, warn: () => undefined, error: (m) => console.error(m) } });
  const log = createLogger('bench', 'warn');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ventanilla-bench-'));
  fs.chmodSync(tmp, 0o755); // the embedded server runs as the postgres user when we are root
  progress('starting PostgreSQL and Temporal');
  const [pg, temporal] = await Promise.all([
    freePort().then((port) => startPostgres({ dataDir: path.join(tmp, 'pg'), port, log })),
    freePort().then((port) => startTemporal({ namespaces: ['default'], port, log })),
  ]);
  const db = createDb(await ensureDatabase(pg.url, 'vt_bench'), 20);
  await migrate(db);
  const connection = await Connection.connect({ address: temporal.address });
  const client = new Client({ connection, namespace: 'default' });
  const native = await NativeConnection.connect({ address: temporal.address });
  const taskQueue = 'bench';
  progress('bundling workflows and starting the worker');
  const worker = await createWorker({ connection: native, namespace: 'default', taskQueue, db, temporal: client });
  const running = worker.run();
  return {
    db, client, taskQueue,
    async stop() {
      worker.shutdown();
      await running;
      await native.close();
      await connection.close();
      await db.destroy();
      await Promise.allSettled([temporal.stop(), pg.stop()]);
      fs.rmSync(tmp, { recursive: true, force: true });
    },
  };
}
