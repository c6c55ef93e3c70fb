// The ticket as every API answer gives it (list, show, create and each action), its timeline and
// the agent's waiting list (A9). One shape: the UIs never wonder which fields a response carries.
import { z } from 'zod';
import type { NextReason as NextReasonType } from '../queue-order.js';
import { TICKET_KINDS, TICKET_STATUSES, TIMELINE_EVENT_TYPES } from '../tickets.js';
import { Day, Id, Instant, Uuid } from './common.js';

const count = z.number().int().nonnegative();

export const Ticket = z
  .object({
    id: Uuid,
    number: z.string(),
    status: z.enum(TICKET_STATUSES),
    kind: z.enum(TICKET_KINDS),
    /** 0 = normal; higher is served first, as the branch's ordering policy says (H1). */
    priority: z.number().int(),
    branchId: Id,
    serviceId: Id,
    serviceName: z.string(),
    departmentId: Id,
    customerId: Id.nullable(),
    customerName: z.string().nullable(),
    customerIdNumber: z.string().nullable(),
    agentId: Id.nullable(),
    agentName: z.string().nullable(),
    deskId: Id.nullable(),
    deskName: z.string().nullable(),
    /** Set by a transfer to a named agent: dispatch offers the ticket to that agent first. */
    preferredAgentId: Id.nullable(),
    arrivalAt: Instant,
    scheduledAt: Instant.nullable(),
    /** Issue 20: an appointment's check-in code (the kiosk takes it typed or scanned); null otherwise. */
    appointmentCode: z.string().nullable(),
    calledAt: Instant.nullable(),
    attendingAt: Instant.nullable(),
    endedAt: Instant.nullable(),
    /** When the last step happened. */
    statusSince: Instant,
    serviceDay: Day,
    recallCount: count,
    requeueCount: count,
    noAnswerCount: count,
    topicIds: z.array(Id),
    workflowId: z.string(),
    /** The workflow's page in the Temporal Web UI: operators only (G7), null for everyone else. */
    temporalUrl: z.string().nullable(),
  })
  .strict();
export type Ticket = z.infer<typeof Ticket>;

export const TimelineActor = z
  .object({ type: z.enum(['user', 'customer', 'system']), id: Id.nullable(), name: z.string().nullable() })
  .strict();

export const StepNames = z
  .object({
    deskId: z.string(),
    agentId: z.string(),
    serviceId: z.string(),
    fromServiceId: z.string(),
    toServiceId: z.string(),
    toAgentId: z.string(),
    linkedCustomerId: z.string(),
    topicIds: z.array(z.string()),
  })
  .partial()
  .strict();
export type StepNames = z.infer<typeof StepNames>;

/** B7: one step of a ticket, with time, actor and details. */
export const TimelineEvent = z
  .object({
    seq: z.number().int().positive(),
    type: z.enum(TIMELINE_EVENT_TYPES),
    from: z.enum(TICKET_STATUSES).nullable(),
    to: z.enum(TICKET_STATUSES).nullable(),
    at: Instant,
    actor: TimelineActor,
    details: z.record(z.string(), z.unknown()),
    /**
     * Issue 16: the names the details' ids stand for, by detail key (deskId → the desk's name,
     * topicIds → the topics' names…), resolved by the API so no screen shows a raw id.
     */
    names: StepNames.optional(),
  })
  .strict();
export type TimelineEvent = z.infer<typeof TimelineEvent>;

const reason = <C extends string, P extends z.ZodRawShape>(code: C, params: P) =>
  z.object({ code: z.literal(code), params: z.object(params).strict() }).strict();
const num = z.number();
const number = z.string();
/** H1 "why is this next" (domain/queue-order.ts NextReason), worded by each UI's dictionary. */
export const NextReason = z.discriminatedUnion('code', [
  reason('fifo', { number, waited: num }),
  reason('priority', { number, level: num, waited: num }),
  reason('arrival', { number, waited: num }),
  reason('age_boost', { number, effective: num, level: num, minutes: num, waited: num }),
  reason('interleave_normal', { number, streak: num, ratio: num, waited: num }),
  reason('interleave_priority', { number, level: num, ratio: num, streak: num }),
  reason('interleave_arrival', { number, ratio: num, streak: num }),
  reason('transferred', { number }),
  reason('support', { number }),
]);
export type NextReason = NextReasonType;
// Both ways: the schema describes exactly the domain's reasons.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameReason: Same<z.infer<typeof NextReason>, NextReasonType> = true;
void sameReason;

/** A9: one ticket this agent may serve, in the order dispatch would give them. */
export const WaitingItem = z
  .object({
    ticketId: Uuid,
    number: z.string(),
    kind: z.enum(TICKET_KINDS),
    customerName: z.string().nullable(),
    customerIdNumber: z.string().nullable(),
    scheduledAt: Instant.nullable(),
    arrivalAt: Instant,
    priority: z.number().int(),
    serviceId: Id,
    serviceName: z.string(),
    /** From a support service (A6): served only when the main ones have nobody waiting. */
    support: z.boolean(),
    /** H1: why the first one is next. */
    why: NextReason.optional(),
    /** Issue 16: since when it waits (its latest entry in the queue: arrival, requeue, transfer). */
    queuedAt: Instant.optional(),
    /**
     * How long it had waited when the server answered: a screen ticks on from its own receipt of
     * the answer, so a wrong clock on the agent's computer shifts nothing.
     */
    waitedMs: count.optional(),
    /** The service's waiting-time target (SLA): within, near (≥ 80 %) or over it. */
    slaTargetSeconds: z.number().int().positive().optional(),
  })
  .strict();
export type WaitingItem = z.infer<typeof WaitingItem>;

/** Issue 16: one past visit of a customer, for the customer panel at the desk. */
export const CustomerVisit = z
  .object({
    ticketId: Uuid,
    number: z.string(),
    status: z.enum(TICKET_STATUSES),
    kind: z.enum(TICKET_KINDS),
    /** When the customer arrived. */
    at: Instant,
    branchName: z.string(),
    serviceName: z.string(),
    agentName: z.string().nullable(),
    topics: z.array(z.string()),
    notes: z.array(z.string()),
    /** Issue 20: what she answered to this visit's satisfaction survey; null: no answer. */
    survey: z
      .object({ score: z.number().int().min(1).max(5), comment: z.string().nullable() })
      .strict()
      .nullable(),
  })
  .strict();
export type CustomerVisit = z.infer<typeof CustomerVisit>;
/** The latest visits (newest first, at most `limit`) and how many there are in all. */
export const CustomerVisits = z
  .object({
    total: count,
    visits: z.array(CustomerVisit),
    /** Issue 20: her satisfaction answers over all visits of the entity: how many, and their average. */
    surveys: z.object({ answers: count, avgScore: z.number().nullable() }).strict(),
  })
  .strict();
export type CustomerVisits = z.infer<typeof CustomerVisits>;
