// The shift (log in to log out, G2) as the console and the back office see it, and its figures (H3).
import { z } from 'zod';
import { AGENT_STATES } from '../agents.js';
import { Id, Instant, Uuid } from './common.js';

const State = z.enum(AGENT_STATES);

export const ServiceRef = z.object({ id: Id, name: z.string(), label: z.string() }).strict();
export type ServiceRef = z.infer<typeof ServiceRef>;

export const ShiftView = z
  .object({
    id: Uuid,
    userId: Id,
    userName: z.string(),
    deskId: Id,
    deskName: z.string(),
    branchId: Id,
    branchName: z.string(),
    state: State,
    stateSince: Instant,
    /** A4: where the agent goes by itself when the current attention ends. */
    nextState: State.nullable(),
    /** A12: no automatic dispatch; the agent picks. */
    manualMode: z.boolean(),
    currentTicketId: Uuid.nullable(),
    startedAt: Instant,
    endedAt: Instant.nullable(),
    workflowId: z.string(),
    /** A5/A6: empty in lists, filled for one shift. */
    mainServices: z.array(ServiceRef),
    supportServices: z.array(ServiceRef),
  })
  .strict();
export type ShiftView = z.infer<typeof ShiftView>;

/** Call next: what dispatch gave the agent, and the shift after it. */
export const CallNextResult = z
  .object({
    /** The ticket dispatch gave the agent, or null with nobody waiting. */
    ticketId: Uuid.nullable(),
    shift: ShiftView,
  })
  .strict();
export type CallNextResult = z.infer<typeof CallNextResult>;

const Seconds = z.object({ total: z.number(), average: z.number().nullable() }).strict();
/** H3 per shift: time in each state, attentions, walking, service and idle time. */
export const ShiftFigures = z
  .object({
    shiftId: Uuid,
    from: Instant,
    to: Instant,
    secondsInState: z.record(State, z.number()),
    attentions: z.number().int(),
    finished: z.number().int(),
    walkingSeconds: Seconds,
    serviceSeconds: Seconds,
    idleSeconds: z.number(),
  })
  .strict();
export type ShiftFigures = z.infer<typeof ShiftFigures>;

/** Issue 19: one entry of a shift's timeline (GET /api/shifts/:id/events), oldest first. */
export const SHIFT_TIMELINE_TYPES = ['started', 'state_changed', 'ended'] as const;
export const ShiftTimelineEntry = z
  .object({
    id: z.number().int(),
    type: z.enum(SHIFT_TIMELINE_TYPES),
    /** The state the step put the agent in (started, state_changed). */
    state: State.nullable(),
    /** agent: the shift's agent or its own rules; user: a supervisor or admin, named, with a reason. */
    actorType: z.enum(['agent', 'user']),
    actorId: Id.nullable(),
    actorName: z.string().nullable(),
    reason: z.string().nullable(),
    at: Instant,
  })
  .strict();
export type ShiftTimelineEntry = z.infer<typeof ShiftTimelineEntry>;
