import { z } from 'zod';
import { defineHandler } from './handler.js';
import { id } from './media-schemas.js';
import { producerInfo } from './views.js';

/** D5/D6: the media stops at the SFU; the others are told, so they can show it (issue 16). */
export const pauseProducer = defineHandler('pauseProducer', z.object({ producerId: id }), async ({ session }, p) => {
  const { peer } = session.requireJoined();
  session.broadcast('producerPaused', producerInfo(peer, await peer.pauseProducer(p.producerId)));
  return {};
});
