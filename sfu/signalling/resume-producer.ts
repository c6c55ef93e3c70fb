import { z } from 'zod';
import { defineHandler } from './handler.js';
import { id } from './media-schemas.js';

export const resumeProducer = defineHandler('resumeProducer', z.object({ producerId: id }), async ({ session }, p) => {
  await session.requireJoined().peer.resumeProducer(p.producerId);
  return {};
});
