// The worker process: `npm run worker` (docker-compose runs it as its own service).
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import '../db/types.js';
import { createDb } from '../db/knex.js';
import { workflowEntityLookup } from '../db/workflow-entity.js';
import { ConfigError, loadConfig } from '../platform/config.js';
import { createCodec, dataConverterOf } from '../platform/codec/codec.js';
import { createLogger } from '../platform/logger.js';
import { freePort } from '../platform/ports.js';
import { installSdkLogger } from './sdk-logger.js';
import { createWorker } from './worker-factory.js';
import { startWorkerMetrics } from './worker-metrics.js';
import { startSweeper } from '../activities/stuck/sweep.js';
import { startReportRollups } from '../activities/reports/rollups.js';
import { startAlertEvaluator } from '../activities/alerts/evaluate.js';
import { startPositionWatcher } from '../activities/messages/positions.js';

const log = createLogger('worker');

async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.DATABASE_URL || !config.TEMPORAL_ADDRESS) {
    throw new ConfigError('The worker needs DATABASE_URL and TEMPORAL_ADDRESS (the start command sets both).');
  }
  // Issue 15: the SDK exports its own series on a loopback port; /metrics below appends them.
  const sdkMetricsPort = config.WORKER_METRICS_PORT ? await freePort() : undefined;
  installSdkLogger(
    log,
    sdkMetricsPort
      ? { metrics: { prometheus: { bindAddress: `127.0.0.1:${sdkMetricsPort}`, useSecondsForDurations: true } } }
      : undefined,
  );
  const db = createDb(config.DATABASE_URL, 20);
  const connection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS });
  // One codec for the worker and its client: personal data is encrypted in Temporal (issue 13).
  const codec = createCodec(config, workflowEntityLookup(db));
  // Dispatch activities call ticket workflows and signal shift workflows through this client.
  const clientConnection = await Connection.connect({ address: config.TEMPORAL_ADDRESS });
  const temporal = new Client({
    connection: clientConnection,
    namespace: config.TEMPORAL_NAMESPACE,
    dataConverter: dataConverterOf(codec),
  });
  const worker = await createWorker({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TASK_QUEUE,
    db,
    temporal,
    codec,
    stackTraces: config.WORKFLOW_STACK_TRACES === 'on',
  });
  log.info({ taskQueue: config.TASK_QUEUE, namespace: config.TEMPORAL_NAMESPACE }, 'worker polling');
  // Metrics must never be why the worker does not work: a taken port is reported, not fatal.
  const metrics = config.WORKER_METRICS_PORT
    ? await startWorkerMetrics({
        db,
        host: config.WORKER_METRICS_HOST,
        port: config.WORKER_METRICS_PORT,
        token: config.METRICS_TOKEN,
        sdkMetricsUrl: `http://127.0.0.1:${sdkMetricsPort}/metrics`,
        log,
      }).catch((err: unknown) => {
        log.error({ err }, `worker metrics not served (WORKER_METRICS_PORT ${config.WORKER_METRICS_PORT})`);
        return undefined;
      })
    : undefined;
  // Workflows that closed with their rows open free their agents and are flagged for release.
  const sweeper = startSweeper({ db, temporal, log: createLogger('sweeper') }, config.STUCK_SWEEP_SECONDS * 1000);
  const rollups = startReportRollups({ db, log: createLogger('report-rollups') }, config.REPORT_ROLLUP_SECONDS * 1000);
  // Issue 19: alerts raised and cleared as their conditions start and end.
  const alerts = startAlertEvaluator(
    { db, log: createLogger('alerts'), dbUrl: config.DATABASE_URL },
    config.ALERT_EVAL_SECONDS * 1000,
  );
  // Issue 20: waiting customers who can be told hear "N ahead of you" and "you are next".
  const positions = startPositionWatcher(
    { db, temporal, log: createLogger('message-positions') },
    config.MESSAGE_POSITIONS_SECONDS * 1000,
  );
  // The SDK's Runtime already shuts workers down on SIGINT/SIGTERM (and Ctrl-C reaches this
  // child too): run() resolves once in-flight tasks are done.
  await worker.run();
  await sweeper.stop();
  await rollups.stop();
  await alerts.stop();
  await positions.stop();
  await metrics?.close();
  await connection.close();
  await clientConnection.close();
  await db.destroy();
  log.info('worker stopped');
}

main().catch((err: unknown) => {
  log.fatal(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
