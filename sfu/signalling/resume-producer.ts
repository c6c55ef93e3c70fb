import { z } from 'zod';
import { defineHandler } from './handler.js';
import { id } from './media-schemas.js';
import { producerInfo } from './views.js';

export const resumeProducer = defineHandler('resumeProducer', z.object({ producerId: id }), async ({ session }, p) => {
  const { peer } = session.requireJoined();
  session.broadcast('producerResumed', producerInfo(peer, await peer.resumeProducer(p.producerId)));
  return {};
});
