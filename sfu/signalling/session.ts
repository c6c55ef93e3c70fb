import type { Socket } from 'socket.io';
import type { Logger } from 'pino';
import { SfuError } from '../errors.js';
import type { Peer, PeerCloseReason } from '../peer.js';
import type { Room } from '../room.js';
import { channelOf, type SfuNotification, type SfuNotifications } from './protocol.js';

/** Who a socket is, as decided by `authorize` (never by the client). */
export type SfuIdentity = Readonly<{
  roomId: string;
  peerId: string;
  displayName: string;
  role: 'agent' | 'guest';
}>;

type Joined = { room: Room; peer: Peer };

/**
 * The per-socket state: the identity granted at connection, and the room/peer it joined.
 * It also relays the peer's lifecycle to the client and to the other peers of the room.
 */
export class Session {
  #joined: Joined | undefined;
  #joining = false;

  constructor(
    readonly socket: Socket,
    readonly identity: SfuIdentity,
    readonly log: Logger,
  ) {}

  get joined(): Joined | undefined {
    return this.#joined;
  }

  requireJoined(): Joined {
    if (!this.#joined) throw new SfuError('not_joined', 'emit `join` first');
    return this.#joined;
  }

  /** Guards against a second `join` while the first one is still creating the room. */
  async joinOnce(join: () => Promise<Joined>): Promise<Joined> {
    if (this.#joined || this.#joining) throw new SfuError('already_joined', 'this socket already joined its room');
    this.#joining = true;
    try {
      const joined = await join();
      // The socket may have dropped while the room was being created: nothing would close this peer.
      if (this.socket.disconnected) {
        joined.peer.close('disconnected');
        throw new SfuError('invalid_state', 'socket disconnected while joining');
      }
      this.#bind(joined);
      return joined;
    } finally {
      this.#joining = false;
    }
  }

  leave(reason: PeerCloseReason): void {
    this.#joined?.peer.close(reason);
  }

  /** Rights lost: the socket goes, and its peer with it (the others hear `peerLeft`). */
  revoke(): void {
    this.socket.disconnect(true);
  }

  notify<E extends SfuNotification>(event: E, payload: SfuNotifications[E]): void {
    this.socket.emit(event, payload);
  }

  /** To every other socket of this session's room. */
  broadcast<E extends SfuNotification>(event: E, payload: SfuNotifications[E]): void {
    if (this.#joined) this.socket.to(channelOf(this.#joined.room.id)).emit(event, payload);
  }

  #bind(joined: Joined): void {
    const { room, peer } = joined;
    this.#joined = joined;
    void this.socket.join(channelOf(room.id));
    peer.on('producerClosed', (producer) => {
      if (!room.closed) this.broadcast('producerClosed', { producerId: producer.id, peerId: peer.id });
    });
    peer.on('consumerClosed', (consumer) =>
      this.notify('consumerClosed', { consumerId: consumer.id, producerId: consumer.producerId }),
    );
    peer.once('close', (reason) => this.#onPeerClosed(joined, reason));
  }

  #onPeerClosed({ room, peer }: Joined, reason: PeerCloseReason): void {
    // Tell the others before leaving the channel; a dead room has no one left to tell.
    if (!room.closed) this.broadcast('peerLeft', { peerId: peer.id });
    void this.socket.leave(channelOf(room.id));
    if (this.#joined?.peer === peer) this.#joined = undefined;
    if (reason === 'roomClosed') this.notify('roomClosed', { reason: room.closeReason ?? 'closed' });
    // The same identity joined from another socket (a reconnect): this one is stale.
    if (reason === 'replaced') this.socket.disconnect(true);
  }
}
