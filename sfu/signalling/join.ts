import { z } from 'zod';
import { defineHandler } from './handler.js';
import { peerInfo, producerInfo } from './views.js';

/**
 * Joins the room granted by `authorize`. The payload is empty on purpose (strict): the client
 * never names a room, so a token grants exactly one. Rights are read again under the room's
 * lock, so a room whose ticket ended while this request waited is refused, never re-created.
 */
export const join = defineHandler('join', z.object({}).strict().optional(), async ({ session, registry, recheck }) => {
  const { roomId, peerId, displayName, role } = session.identity;
  const admit = () => recheck(session.identity);
  const { room, peer } = await session.joinOnce(() => registry.join(roomId, { peerId, displayName, role }, admit));
  session.broadcast('peerJoined', peerInfo(peer));
  const others = [...room.peers.values()].filter((p) => p !== peer);
  return {
    roomId,
    peerId,
    routerRtpCapabilities: room.router.rtpCapabilities,
    peers: others.map(peerInfo),
    producers: others.flatMap((p) => [...p.producers.values()].map((producer) => producerInfo(p, producer))),
  };
});
