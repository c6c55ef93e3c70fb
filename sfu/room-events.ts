// The database bus → the SFU. On the change channel ('ventanilla_events'): a room closed by its
// ticket's end is closed here too (peers get `roomClosed`, then every socket holding its token is
// disconnected), and a ticket step that left it waiting (transfer, requeue) re-checks the room's
// sockets, so the agent who held it is cut off. On the in-call facts channel, which only the SFU
// hears (issue 13: never the branch's staff): chat, files, T&C, tags and presence stored by the
// API are relayed to the room's joined participants.
import type { Namespace } from 'socket.io';
import type { Logger } from 'pino';
import { z } from 'zod';
import { KeyedLock } from './keyed-lock.js';
import type { RoomRegistry } from './room-registry.js';
import type { SfuGate } from './signalling/gate.js';
import { channelOf } from './signalling/protocol.js';

/** pg NOTIFY channel of in-call facts (api/video/call-events.ts); payloads stay under 8 KB. */
export const ROOM_FACTS_CHANNEL = 'ventanilla_room_facts';

const roomEvent = z.object({ kind: z.literal('video'), type: z.string().max(64), roomId: z.string().max(64) }).loose();

export type RoomEventDeps = Readonly<{ ns: Namespace; registry: RoomRegistry; gate: SfuGate; log: Logger }>;

/**
 * The bus listener. One room's events are handled one at a time, in commit order: a fact
 * announced after a transfer is relayed only once the transferred agent is gone.
 */
export function roomEventHandler(deps: RoomEventDeps): (event: unknown, channel: string) => void {
  const lock = new KeyedLock();
  return (event, channel) => {
    const parsed = roomEvent.safeParse(event);
    if (!parsed.success) return; // ticket, shift… events are not ours
    const e = parsed.data;
    const handle = channel === ROOM_FACTS_CHANNEL ? async () => relay(deps, e) : () => applyChange(deps, e.type, e.roomId);
    lock.run(e.roomId, handle).catch((err: unknown) => deps.log.error({ err, roomId: e.roomId, type: e.type }, 'video bus event failed'));
  };
}

function relay({ ns }: RoomEventDeps, e: z.infer<typeof roomEvent>): void {
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
