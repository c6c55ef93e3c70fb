import type { Logger } from 'pino';
import { KeyedLock } from './keyed-lock.js';
import type { Peer, PeerIdentity } from './peer.js';
import { Room, type RoomOptions, type RoomStats } from './room.js';
import type { WorkerPool } from './worker-pool.js';

export type RoomRegistryDeps = Readonly<{ pool: WorkerPool; roomOptions: RoomOptions; log: Logger }>;

/**
 * The live rooms by id. Creating, joining and reaping a room all run under a per-room lock:
 * two concurrent first joins get the same router, and an empty room is never closed between
 * a join's get-or-create and the peer actually joining.
 */
export class RoomRegistry {
  readonly #rooms = new Map<string, Room>();
  readonly #lock = new KeyedLock();

  constructor(private readonly deps: RoomRegistryDeps) {}

  getOrCreate(roomId: string): Promise<Room> {
    return this.#lock.run(roomId, () => this.#getOrCreateLocked(roomId));
  }

  /**
   * `admit` runs under the room's lock before anything is created: a room closed for good (its
   * ticket ended) is refused there, and `closeAfterPending` cannot slip between it and the join.
   */
  join(roomId: string, identity: PeerIdentity, admit?: () => Promise<void>): Promise<{ room: Room; peer: Peer }> {
    return this.#lock.run(roomId, async () => {
      await admit?.();
      const room = await this.#getOrCreateLocked(roomId);
      return { room, peer: room.join(identity) };
    });
  }

  get(roomId: string): Room | undefined {
    return this.#rooms.get(roomId);
  }

  /** Closes the room and, through it, its peers; false when there was no such room. */
  close(roomId: string): boolean {
    const room = this.#rooms.get(roomId);
    room?.close('closed');
    return room !== undefined;
  }

  /** Like close, once the joins already running for this room have finished (so none outlives it). */
  closeAfterPending(roomId: string): Promise<boolean> {
    return this.#lock.run(roomId, () => Promise.resolve(this.close(roomId)));
  }

  closeAll(): void {
    for (const room of [...this.#rooms.values()]) room.close('closed');
  }

  list(): RoomStats[] {
    return [...this.#rooms.values()].map((room) => room.stats());
  }

  async #getOrCreateLocked(roomId: string): Promise<Room> {
    const existing = this.#rooms.get(roomId);
    if (existing && !existing.closed) return existing;
    const room = await Room.create(roomId, this.deps.pool.next(), this.deps.roomOptions);
    this.#rooms.set(roomId, room);
    room.once('close', () => {
      if (this.#rooms.get(roomId) === room) this.#rooms.delete(roomId);
    });
    room.on('peerClosed', () => this.#reapIfEmpty(room));
    return room;
  }

  // A router per idle room would pin worker memory forever; the next join recreates it.
  #reapIfEmpty(room: Room): void {
    this.#lock
      .run(room.id, async () => {
        if (!room.closed && room.peers.size === 0) room.close('empty');
      })
      .catch((err: unknown) => this.deps.log.error({ err, roomId: room.id }, 'closing an empty room failed'));
  }
}
