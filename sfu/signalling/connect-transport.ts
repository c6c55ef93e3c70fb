import { z } from 'zod';
import { defineHandler } from './handler.js';
import { dtlsParameters, id } from './media-schemas.js';

export const connectTransport = defineHandler(
  'connectTransport',
  z.object({ transportId: id, dtlsParameters }),
  async ({ session }, payload) => {
    await session.requireJoined().peer.connectTransport(payload.transportId, payload.dtlsParameters);
    return {};
  },
);
