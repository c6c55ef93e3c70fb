// The SFU process (G4): HTTP + socket.io signalling on SFU_PORT, mediasoup workers, the join-token
// gate (checked at every event), and the database bus that closes rooms when their ticket ends,
// cuts off an agent the ticket was transferred away from, and relays in-call facts. `npx tsx sfu/server.ts`
// (docker-compose, runtime/start.ts); tests call `startSfuServer` in-process.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { Server } from 'socket.io';
import { listenForChanges } from '../db/changes.js';
import { createDb, EVENTS_CHANNEL } from '../db/knex.js';
import { createLogger } from '../platform/logger.js';
import { createSfu, loadSfuConfig, type Sfu, type SfuConfig } from './index.js';
import { tokenRights } from './room-access.js';
import { ROOM_FACTS_CHANNEL, roomEventHandler } from './room-events.js';
import { loadSfuServerConfig, type SfuServerConfig } from './server-config.js';

export const SFU_NAMESPACE = '/sfu';

export type RunningSfu = Readonly<{ url: string; port: number; sfu: Sfu; close(): Promise<void> }>;

export async function startSfuServer(opts: {
  server: SfuServerConfig;
  media: SfuConfig;
  log: Logger;
}): Promise<RunningSfu> {
  const { server: config, media, log } = opts;
  const db = createDb(config.databaseUrl, 4);
  const sfu = await createSfu({ config: media, log });
  const httpServer = http.createServer((_req, res) => {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('ventanilla sfu');
  });
  // Only the console's origin may open a socket from a browser; tokens do the rest.
  const io = new Server(httpServer, {
    cors: { origin: config.corsOrigins, methods: ['GET', 'POST'] },
    maxHttpBufferSize: 1e6,
  });
  const ns = io.of(SFU_NAMESPACE);
  const gate = sfu.attach(ns, tokenRights(db, config.sessionSecret));
  const onEvent = roomEventHandler({ ns, registry: sfu.registry, gate, log });
  const bus = listenForChanges(config.databaseUrl, log, onEvent, [EVENTS_CHANNEL, ROOM_FACTS_CHANNEL]);
  await new Promise<void>((resolve) => httpServer.listen(config.port, resolve));
  const port = (httpServer.address() as AddressInfo).port;
  log.info({ port, origins: config.corsOrigins }, 'SFU listening');
  return {
    url: `http://localhost:${port}`,
    port,
    sfu,
    async close() {
      await bus.close();
      await new Promise<void>((resolve) => io.close(() => resolve()));
      sfu.close();
      await db.destroy();
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const log = createLogger('sfu');
  const start = async () => startSfuServer({ server: loadSfuServerConfig(), media: loadSfuConfig(), log });
  start().then(
    (running) => {
      const stop = () => void running.close().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    },
    (err: unknown) => {
      log.fatal({ err }, 'SFU failed to start');
      process.exit(1);
    },
  );
}
