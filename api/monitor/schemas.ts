// Monitor request bodies: validated here, documented from the same schemas (OpenAPI).
import { z } from 'zod';
import { AGENT_STATES } from '../../domain/agents.js';
import { RELEASE_ACTIONS } from '../../domain/stuck.js';
import { text } from '../../domain/text.js';

/** Release stuck work: a ticket (requeue, cancel) or a shift (end). */
export const ReleaseBody = z
  .object({ kind: z.enum(['ticket', 'shift']), id: z.string().max(40), action: z.enum(RELEASE_ACTIONS) })
  .strict();

/** Issue 19: put an agent's open shift in a state. */
export const AgentStateBody = z.object({ state: z.enum(AGENT_STATES) }).strict();
/** Issue 19: end an agent's shift; the reason goes on the timeline of the customer it puts back in the queue. */
export const EndShiftBody = z.object({ reason: text({ max: 300 }).optional() }).strict();
