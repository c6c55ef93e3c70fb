// A throw-away stack for benchmarks: embedded PostgreSQL, a Temporal dev server and one worker,
// all in a temporary directory, torn down by stop().
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import type { Db } from '../db/knex.js';
import { workflowEntityLookup } from '../db/workflow-entity.js';
import { createLogger } from '../platform/logger.js';
import { startScratch } from '../runtime/scratch.js';
import { installSdkLogger } from '../runtime/sdk-logger.js';
import { createWorker } from '../runtime/worker-factory.js';
import { createCodec, dataConverterOf } from '../platform/codec/codec.js';
import { loadConfig } from '../platform/config.js';

export interface BenchStack {
  db: Db;
  client: Client;
  taskQueue: string;
  stop(): Promise<void>;
}

export async function startBenchStack(progress: (m: string) => void): Promise<BenchStack> {
  const log = createLogger('bench', 'warn');
  installSdkLogger(log);
  progress('starting PostgreSQL and Temporal');
  const scratch = await startScratch({ log, dbName: 'vt_bench' });
  const { db, temporal } = scratch;
  const connection = await Connection.connect({ address: temporal.address });
  const codec = createCodec(loadConfig(), workflowEntityLookup(db)); // as in production: payloads encrypted (issue 13)
  const client = new Client({ connection, namespace: 'default', dataConverter: dataConverterOf(codec) });
  const native = await NativeConnection.connect({ address: temporal.address });
  const taskQueue = 'bench';
  progress('bundling workflows and starting the worker');
  const worker = await createWorker({
    connection: native,
    namespace: 'default',
    taskQueue,
    db,
    temporal: client,
    codec,
  });
  const running = worker.run();
  return {
    db,
    client,
    taskQueue,
    async stop() {
      worker.shutdown();
      await running;
      await native.close();
      await connection.close();
      await scratch.stop();
    },
  };
}
