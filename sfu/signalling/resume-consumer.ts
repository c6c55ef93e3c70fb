import { z } from 'zod';
import { defineHandler } from './handler.js';
import { id } from './media-schemas.js';

export const resumeConsumer = defineHandler('resumeConsumer', z.object({ consumerId: id }), async ({ session }, p) => {
  await session.requireJoined().peer.resumeConsumer(p.consumerId);
  return {};
});
