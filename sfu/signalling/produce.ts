import { z } from 'zod';
import { defineHandler } from './handler.js';
import { id, mediaKind, rtpParameters } from './media-schemas.js';
import { producerInfo } from './views.js';

export const produce = defineHandler(
  'produce',
  z.object({ transportId: id, kind: mediaKind, rtpParameters }),
  async ({ session }, payload) => {
    const { peer } = session.requireJoined();
    const producer = await peer.produce(payload.transportId, payload.kind, payload.rtpParameters);
    session.broadcast('newProducer', producerInfo(peer, producer));
    return { producerId: producer.id };
  },
);
