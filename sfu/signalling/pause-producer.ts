import { z } from 'zod';
import { defineHandler } from './handler.js';
import { id } from './media-schemas.js';

export const pauseProducer = defineHandler('pauseProducer', z.object({ producerId: id }), async ({ session }, p) => {
  await session.requireJoined().peer.pauseProducer(p.producerId);
  return {};
});
