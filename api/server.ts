// The API process: HTTP + socket.io + the change listener. `npm run api`; docker-compose's `api`.
import http from 'node:http';
import { Client, Connection } from '@temporalio/client';
import '../db/types.js';
import { createDb } from '../db/knex.js';
import { workflowEntityLookup } from '../db/workflow-entity.js';
import { ConfigError, loadConfig, type Config } from '../platform/config.js';
import { createLogger, type Logger } from '../platform/logger.js';
import { isPortFree, PortInUseError } from '../platform/ports.js';
import { createCodec, dataConverterOf } from '../platform/codec/codec.js';
import { createApp } from './app.js';
import { createApiMetrics } from './metrics/metrics.js';
import { ownOrigins } from './auth/origin.js';
import type { ApiDeps } from './deps.js';
import { listenForChanges } from '../db/changes.js';
import { createSocketServer } from './realtime/socket.js';
import { startWebhookDispatcher } from './webhooks/dispatcher.js';
import { startHistoryUpkeep } from './history/upkeep.js';
import { videoSettings } from './video/settings.js';

export interface RunningApi {
  url: string;
  close(): Promise<void>;
}

export async function startApi(config: Config, log: Logger): Promise<RunningApi> {
  if (!config.DATABASE_URL || !config.TEMPORAL_ADDRESS)
    throw new ConfigError('The API needs DATABASE_URL and TEMPORAL_ADDRESS (the start command sets both).');
  if (!(await isPortFree(config.API_PORT, '0.0.0.0'))) throw new PortInUseError(config.API_PORT, 'API', 'API_PORT');
  const db = createDb(config.DATABASE_URL, 20);
  const connection = await Connection.connect({ address: config.TEMPORAL_ADDRESS });
  // Personal data is encrypted in Temporal (issue 13); the codec endpoint reads with this codec.
  const temporal = new Client({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    dataConverter: dataConverterOf(createCodec(config, workflowEntityLookup(db))),
  });
  const deps: ApiDeps = { db, temporal, taskQueue: config.TASK_QUEUE, config, log };
  const server = await listen(deps, config.DATABASE_URL, config.API_PORT);
  log.info({ port: config.API_PORT }, 'API listening');
  const upkeep = startHistoryUpkeep(
    { db, log: createLogger('history-upkeep'), filesDir: videoSettings(deps).filesDir },
    config.HISTORY_UPKEEP_SECONDS * 1000,
  );
  return {
    url: `http://localhost:${config.API_PORT}`,
    async close() {
      await upkeep.stop();
      await server.close();
      await connection.close();
      await db.destroy();
    },
  };
}

/** HTTP + socket.io + change listener on a port (0 = any); used by startApi and the tests. */
export async function listen(
  deps: ApiDeps,
  databaseUrl: string,
  port: number,
): Promise<{ port: number; close(): Promise<void> }> {
  const metrics = createApiMetrics(deps.db);
  const server = http.createServer(createApp(deps, metrics));
  const { io, publish } = createSocketServer(server, deps.db, deps.log, ownOrigins(deps.config.publicUrl));
  metrics.watchSockets(io);
  const webhooks = startWebhookDispatcher(deps);
  const bus = listenForChanges(databaseUrl, deps.log, (e) => {
    publish(e);
    webhooks.kick(e.kind); // a committed step may be a webhook event: scan soon, not at the next poll
  });
  await new Promise<void>((resolve) => server.listen(port, resolve));
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : port,
    async close() {
      await bus.close();
      await webhooks.close();
      await new Promise<void>((resolve) => io.close(() => resolve())); // also closes the HTTP server
    },
  };
}

// Run directly (not imported by tests or the start command).
if (import.meta.url === `file://${process.argv[1]}`) {
  const log = createLogger('api');
  startApi(loadConfig(), log).then(
    (api) => {
      const stop = () => void api.close().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    },
    (err: unknown) => {
      log.fatal(err instanceof ConfigError || err instanceof PortInUseError ? err.message : err);
      process.exit(1);
    },
  );
}
