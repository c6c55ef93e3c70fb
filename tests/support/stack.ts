// Per-test-file slice of the shared stack: a fresh database cloned from the migrated template,
// a Temporal client in this fork's namespace, and a worker on a task queue of its own.
import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { GracefulShutdownPeriodExpiredError, NativeConnection, type Worker } from '@temporalio/worker';
import { inject } from 'vitest';
import '../../db/types.js';
import { createDb, type Db } from '../../db/knex.js';
import { workflowEntityLookup } from '../../db/workflow-entity.js';
import { ensureDatabase } from '../../runtime/postgres.js';
import { createLogger } from '../../platform/logger.js';
import { installSdkLogger } from '../../runtime/sdk-logger.js';
import { createActivities, createWorker } from '../../runtime/worker-factory.js';
import { createCodec, dataConverterOf, type EntityCodec } from '../../platform/codec/codec.js';
import { loadConfig } from '../../platform/config.js';
import { namespaceOfThisFork, TEMPLATE_DB } from './names.js';

let runtimeInstalled = false;

export interface TestStack {
  db: Db;
  dbUrl: string;
  client: Client;
  /** The payload codec of this stack's client and worker (the product's, issue 13). */
  codec: EntityCodec;
  namespace: string;
  taskQueue: string;
  /** Starts (or restarts, after stopWorker) the worker. */
  startWorker(activities?: ReturnType<typeof createActivities>): Promise<Worker>;
  stopWorker(): Promise<void>;
  close(): Promise<void>;
}

export async function createTestStack(): Promise<TestStack> {
  if (!runtimeInstalled) {
    // Quiet the SDK's own logs in tests (errors still show); failures surface through assertions.
    installSdkLogger(createLogger('test-sdk', process.env.LOG_LEVEL ?? 'error'));
    runtimeInstalled = true;
  }
  const name = `vt_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const dbUrl = await ensureDatabase(inject('pgUrl'), name, TEMPLATE_DB);
  const db = createDb(dbUrl, 20); // as the worker's own pool: local steps wait for a connection inside a workflow task
  const address = inject('temporalAddress');
  const namespace = namespaceOfThisFork();
  const connection = await Connection.connect({ address });
  const codec = createCodec(loadConfig(), workflowEntityLookup(db));
  const client = new Client({ connection, namespace, dataConverter: dataConverterOf(codec) });
  const taskQueue = `tq-${name}`;
  const nativeConnection = await NativeConnection.connect({ address });
  let worker: Worker | undefined;
  let running: Promise<void> | undefined;

  const stack: TestStack = {
    db,
    dbUrl,
    client,
    codec,
    namespace,
    taskQueue,
    async startWorker(activities) {
      worker = await createWorker({
        connection: nativeConnection,
        namespace,
        taskQueue,
        db,
        temporal: client,
        codec,
        workflowBundle: { codePath: inject('workflowBundlePath') },
        activities,
        shutdownForceTime: '20s',
      });
      running = worker.run();
      return worker;
    },
    async stopWorker() {
      if (worker && worker.getState() === 'RUNNING') worker.shutdown();
      // Past shutdownForceTime the worker gives up on its open polls and tasks: that is the point here.
      await running?.catch((err: unknown) => {
        if (!(err instanceof GracefulShutdownPeriodExpiredError)) throw err;
      });
      worker = undefined;
    },
    async close() {
      await stack.stopWorker();
      await nativeConnection.close();
      await connection.close();
      await db.destroy();
    },
  };
  return stack;
}
