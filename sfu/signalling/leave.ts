import { z } from 'zod';
import { defineHandler } from './handler.js';

/** Leaves the room but keeps the socket: the client may `join` again later. */
export const leave = defineHandler('leave', z.object({}).strict().optional(), ({ session }) => {
  session.requireJoined().peer.close('left');
  return {};
});
