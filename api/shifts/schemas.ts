// Shift request bodies: validated here, documented from the same schemas.
import { z } from 'zod';
import { AGENT_STATES } from '../../domain/agents.js';

export const OpenShiftBody = z
  .object({
    deskId: z.number().int().positive(),
    /** The state to start in; agents log in to work, so Online unless they say otherwise. */
    state: z.enum(AGENT_STATES).optional(),
  })
  .strict();
export const StateBody = z.object({ state: z.enum(AGENT_STATES) }).strict();
export const NextStateBody = z.object({ nextState: z.enum(AGENT_STATES).nullable() }).strict();
export const ManualBody = z.object({ manual: z.boolean() }).strict();
export const EmptyBody = z.object({}).strict();
