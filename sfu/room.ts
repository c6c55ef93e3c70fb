import { EventEmitter } from 'node:events';
import type { Logger } from 'pino';
import type { types as ms } from 'mediasoup';
import { SfuError } from './errors.js';
import { Peer, type PeerIdentity } from './peer.js';
import type { TransportSettings } from './transport-options.js';

/** `closed`: asked to (registry, empty room); `workerDied`: its router died underneath it. */
export type RoomCloseReason = 'closed' | 'empty' | 'workerDied';

export type RoomStats = Readonly<{
  roomId: string;
  workerPid: number;
  peers: number;
  transports: number;
  producers: number;
  consumers: number;
}>;

type RoomEvents = {
  close: [reason: RoomCloseReason];
  peerClosed: [peer: Peer];
};

export type RoomOptions = Readonly<{
  mediaCodecs: readonly ms.RouterRtpCodecCapability[];
  settings: TransportSettings;
  log: Logger;
}>;

/** One Router per room; the room owns its peers and closes them (and its router) on close. */
export class Room extends EventEmitter<RoomEvents> {
  readonly #peers = new Map<string, Peer>();
  #closeReason: RoomCloseReason | undefined;

  private constructor(
    readonly id: string,
    readonly router: ms.Router,
    private readonly workerPid: number,
    private readonly opts: RoomOptions,
  ) {
    super();
    // A router only closes on its own when its worker died: take the room down with it so its
    // peers are told and can rejoin on a live worker.
    router.observer.once('close', () => this.close('workerDied'));
  }

  static async create(id: string, worker: ms.Worker, opts: RoomOptions): Promise<Room> {
    const router = await worker.createRouter({ mediaCodecs: [...opts.mediaCodecs] });
    opts.log.info({ roomId: id, workerPid: worker.pid }, 'room created');
    return new Room(id, router, worker.pid, opts);
  }

  get closed(): boolean {
    return this.#closeReason !== undefined;
  }
  /** Set before the peers are closed, so they can tell their clients why. */
  get closeReason(): RoomCloseReason | undefined {
    return this.#closeReason;
  }
  get peers(): ReadonlyMap<string, Peer> {
    return this.#peers;
  }

  /** A second join with the same peer id (a reconnect) replaces the stale peer. */
  join(identity: PeerIdentity): Peer {
    if (this.closed) throw new SfuError('room_closed', `room ${this.id} is closed`);
    this.#peers.get(identity.peerId)?.close('replaced');
    const peer = new Peer(identity, this.router, this.opts.settings, this.opts.log.child({ roomId: this.id }));
    this.#peers.set(peer.id, peer);
    peer.once('close', () => {
      if (this.#peers.get(peer.id) === peer) this.#peers.delete(peer.id);
      this.emit('peerClosed', peer);
    });
    return peer;
  }

  findProducer(producerId: string): { owner: Peer; producer: ms.Producer } | undefined {
    for (const owner of this.#peers.values()) {
      const producer = owner.producers.get(producerId);
      if (producer) return { owner, producer };
    }
    return undefined;
  }

  stats(): RoomStats {
    let transports = 0;
    let producers = 0;
    let consumers = 0;
    for (const peer of this.#peers.values()) {
      transports += peer.transports.size;
      producers += peer.producers.size;
      consumers += peer.consumers.size;
    }
    return { roomId: this.id, workerPid: this.workerPid, peers: this.#peers.size, transports, producers, consumers };
  }

  close(reason: RoomCloseReason = 'closed'): void {
    if (this.closed) return;
    this.#closeReason = reason;
    for (const peer of [...this.#peers.values()]) peer.close('roomClosed');
    this.router.close();
    this.opts.log.info({ roomId: this.id, reason }, 'room closed');
    this.emit('close', reason);
  }
}
