// Rights are checked at every use (issue 13), not only when a socket connects: `recheck` runs
// before each event (handler.ts) and again under the room's lock for `join`; the gate also lets
// a change of rights reach the sockets that are already connected, at once.
import type { Logger } from 'pino';
import { SfuError } from '../errors.js';
import type { Session, SfuIdentity } from './session.js';

/** Resolves while `identity` still belongs to its room; throws an SfuError saying why not. */
export type Recheck = (identity: SfuIdentity) => Promise<void>;

export type SfuGate = Readonly<{
  /** Re-checks every socket of the room now and disconnects those that lost it (e.g. a transfer). */
  recheckRoom(roomId: string): Promise<void>;
  /** Disconnects every socket holding a token for the room, joined or not (its ticket ended). */
  disconnectRoom(roomId: string): number;
}>;

export class RoomGate implements SfuGate {
  readonly #sessions = new Map<string, Set<Session>>();

  constructor(
    private readonly recheck: Recheck,
    private readonly log: Logger,
  ) {}

  add(session: Session): void {
    const { roomId } = session.identity;
    const sessions = this.#sessions.get(roomId) ?? new Set<Session>();
    this.#sessions.set(roomId, sessions.add(session));
    session.socket.once('disconnect', () => {
      sessions.delete(session);
      if (sessions.size === 0 && this.#sessions.get(roomId) === sessions) this.#sessions.delete(roomId);
    });
  }

  async recheckRoom(roomId: string): Promise<void> {
    const sessions = [...(this.#sessions.get(roomId) ?? [])];
    await Promise.all(
      sessions.map(async (session) => {
        try {
          await this.recheck(session.identity);
        } catch (err) {
          if (!(err instanceof SfuError)) throw err;
          session.log.info({ code: err.code }, 'rights lost: socket disconnected');
          session.revoke();
        }
      }),
    );
  }

  disconnectRoom(roomId: string): number {
    const sessions = [...(this.#sessions.get(roomId) ?? [])];
    for (const session of sessions) session.revoke();
    if (sessions.length) this.log.info({ roomId, sockets: sessions.length }, 'room closed: its sockets disconnected');
    return sessions.length;
  }
}
