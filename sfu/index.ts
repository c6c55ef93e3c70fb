import type { Namespace } from 'socket.io';
import type { Logger } from 'pino';
import type { SfuConfig } from './config.js';
import { loadMediasoup } from './mediasoup.js';
import { RoomRegistry } from './room-registry.js';
import { attachSfu, type RoomRights } from './signalling/attach.js';
import type { SfuGate } from './signalling/gate.js';
import { transportSettings } from './transport-options.js';
import { WorkerPool } from './worker-pool.js';

export { loadSfuConfig, mediaCodecs, type SfuConfig } from './config.js';
export { SfuError, type SfuErrorCode } from './errors.js';
export type { PeerIdentity, PeerRole } from './peer.js';
export type { RoomCloseReason, RoomStats } from './room.js';
export { RoomRegistry } from './room-registry.js';
export { attachSfu, sfuHandlers, type Authorize, type AttachSfuDeps, type RoomRights } from './signalling/attach.js';
export type { Recheck, SfuGate } from './signalling/gate.js';
export type { ResultOf } from './signalling/handler.js';
export type { Ack, AckError, PeerInfo, ProducerInfo, SfuNotifications } from './signalling/protocol.js';
export type { SfuIdentity } from './signalling/session.js';
export { WorkerPool } from './worker-pool.js';

export type Sfu = Readonly<{
  registry: RoomRegistry;
  pool: WorkerPool;
  /**
   * Serves the SFU's signalling on `ns`: `rights.authorize` grants each socket its one room,
   * `rights.recheck` is asked again before every event; the gate reaches connected sockets.
   */
  attach(ns: Namespace, rights: RoomRights): SfuGate;
  /** Closes every room (peers, transports…) and then the workers. */
  close(): void;
}>;

export async function createSfu({ config, log }: { config: SfuConfig; log: Logger }): Promise<Sfu> {
  const mediasoup = await loadMediasoup(config.workerBin, log.child({ component: 'mediasoup' }));
  const pool = await WorkerPool.start({
    size: config.numWorkers,
    createWorker: () => mediasoup.createWorker({ logLevel: config.workerLogLevel }),
    log,
  });
  const registry = new RoomRegistry({
    pool,
    roomOptions: { mediaCodecs: config.mediaCodecs, settings: transportSettings(config), log },
    log,
  });
  log.info({ workers: config.numWorkers, mediasoup: mediasoup.version }, 'sfu started');
  return {
    registry,
    pool,
    attach: (ns, rights) => attachSfu(ns, { registry, rights, log: log.child({ component: 'signalling' }) }),
    close() {
      registry.closeAll();
      pool.close();
    },
  };
}
