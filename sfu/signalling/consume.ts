import { z } from 'zod';
import { SfuError } from '../errors.js';
import { defineHandler } from './handler.js';
import { id, rtpCapabilities } from './media-schemas.js';

/** The consumer starts paused; the client emits `resumeConsumer` once its track is wired up. */
export const consume = defineHandler(
  'consume',
  z.object({ transportId: id, producerId: id, rtpCapabilities }),
  async ({ session }, payload) => {
    const { room, peer } = session.requireJoined();
    const found = room.findProducer(payload.producerId);
    if (!found) throw new SfuError('not_found', `no producer ${payload.producerId} in this room`);
    const consumer = await peer.consume(payload.transportId, found.producer, payload.rtpCapabilities);
    return {
      consumerId: consumer.id,
      producerId: found.producer.id,
      peerId: found.owner.id,
      kind: consumer.kind,
      rtpParameters: consumer.rtpParameters,
      type: consumer.type,
      producerPaused: consumer.producerPaused,
    };
  },
);
