import { z } from 'zod';
import { defineHandler } from './handler.js';
import { id } from './media-schemas.js';

/** The other peers hear `producerClosed` from the peer's own close event (see Session). */
export const closeProducer = defineHandler('closeProducer', z.object({ producerId: id }), ({ session }, p) => {
  session.requireJoined().peer.closeProducer(p.producerId);
  return {};
});
