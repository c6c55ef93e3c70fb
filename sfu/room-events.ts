// The database bus ('ventanilla_events') → the SFU: a room closed by its ticket's end is closed
// here too (peers get `roomClosed`, then are disconnected so a stale token cannot rejoin), and
// in-call facts stored by the API (chat, files, T&C, tags) are relayed to the room's sockets.
import type { Namespace } from 'socket.io';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { RoomRegistry } from './room-registry.js';
import { channelOf } from './signalling/protocol.js';

const videoEvent = z.object({ kind: z.literal('video'), type: z.string(), roomId: z.string() }).loose();

export async function handleBusEvent(event: unknown, ns: Namespace, registry: RoomRegistry, log: Logger): Promise<void> {
  const parsed = videoEvent.safeParse(event);
  if (!parsed.success) return; // ticket, shift… events are not ours
  const { type, roomId } = parsed.data;
  if (type === 'room_closed') {
    // Listed first: closing the room makes its sockets leave the channel.
    const sockets = await ns.in(channelOf(roomId)).fetchSockets();
    registry.close(roomId);
    for (const s of sockets) s.disconnect(true);
    log.info({ roomId, sockets: sockets.length }, 'room closed by its ticket');
    return;
  }
  if (type === 'room_opened') return;
  ns.to(channelOf(roomId)).emit('roomEvent', parsed.data);
}
