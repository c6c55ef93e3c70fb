import { z } from 'zod';
import { defineHandler } from './handler.js';

export const createTransport = defineHandler(
  'createTransport',
  z.object({ direction: z.enum(['send', 'recv']) }),
  async ({ session }, { direction }) => {
    const transport = await session.requireJoined().peer.createWebRtcTransport(direction);
    return {
      transportId: transport.id,
      direction,
      iceParameters: transport.iceParameters,
      iceCandidates: transport.iceCandidates,
      dtlsParameters: transport.dtlsParameters,
    };
  },
);
