// The database bus → the SFU. On the change channel ('ventanilla_events'): a room closed by its
// ticket's end is closed here too (peers get `roomClosed`, then every socket holding its token is
// disconnected), and a ticket step that left it waiting (transfer, requeue) re-checks the room's
// sockets, so the agent who held it is cut off. On the in-call facts channel, which only the SFU
// hears (issue 13: never the branch's staff): chat, files, T&C, tags and presence stored by the
// API are relayed to the room's joined participants.
import type { Namespace } from 'socket.io';
import type { Logger } from 'pino';
import { VideoEvent } from '../domain/contracts/realtime.js';
import { ROOM_FACTS_CHANNEL, RoomFact } from '../domain/contracts/video.js';
import { KeyedLock } from './keyed-lock.js';
import type { RoomRegistry } from './room-registry.js';
import type { SfuGate } from './signalling/gate.js';
import { channelOf } from './signalling/protocol.js';

export { ROOM_FACTS_CHANNEL };

export type RoomEventDeps = Readonly<{ ns: Namespace; registry: RoomRegistry; gate: SfuGate; log: Logger }>;

/**
 * The bus listener. One room's events are handled one at a time, in commit order: a fact
 * announced after a transfer is relayed only once the transferred agent is gone.
 */
export function roomEventHandler(deps: RoomEventDeps): (event: unknown, channel: string) => void {
  const lock = new KeyedLock();
  return (event, channel) => {
    const run = (roomId: string, type: string, handle: () => Promise<void>) =>
      lock.run(roomId, handle).catch((err: unknown) => deps.log.error({ err, roomId, type }, 'video bus event failed'));
    if (channel === ROOM_FACTS_CHANNEL) {
      const fact = RoomFact.safeParse(event);
      if (fact.success) void run(fact.data.roomId, fact.data.type, async () => relay(deps, fact.data));
      return;
    }
    const change = VideoEvent.safeParse(event);
    if (change.success)
      void run(change.data.roomId, change.data.type, () => applyChange(deps, change.data.type, change.data.roomId)); // ticket, shift… events are not ours
  };
}

function relay({ ns }: RoomEventDeps, e: RoomFact): void {
  ns.to(channelOf(e.roomId)).emit('roomEvent', e);
}

async function applyChange({ registry, gate, log }: RoomEventDeps, type: string, roomId: string): Promise<void> {
  if (type === 'room_closed') {
    // After any join already under way, so no peer outlives the room; then every token holder.
    await registry.closeAfterPending(roomId);
    const sockets = gate.disconnectRoom(roomId);
    log.info({ roomId, sockets }, 'room closed by its ticket');
  } else if (type === 'room_access_changed') {
    await gate.recheckRoom(roomId);
  }
}
