// Monitor request bodies: validated here, documented from the same schemas (OpenAPI).
import { z } from 'zod';
import { RELEASE_ACTIONS } from '../../domain/stuck.js';

/** Release stuck work: a ticket (requeue, cancel) or a shift (end). */
export const ReleaseBody = z
  .object({ kind: z.enum(['ticket', 'shift']), id: z.string().max(40), action: z.enum(RELEASE_ACTIONS) })
  .strict();
