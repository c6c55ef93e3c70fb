// H4: the supervisor's live view of a branch, and the stuck work listed with it (issue 12 item 5).
import { z } from 'zod';
import { AGENT_STATES } from '../agents.js';
import { Alert } from '../alerts.js';
import { ORDERING_POLICIES } from '../ordering.js';
import { STUCK_REASONS, type StuckItem as StuckItemType } from '../stuck.js';
import { TICKET_KINDS, TICKET_STATUSES } from '../tickets.js';
import { Id, Instant, Uuid } from './common.js';
import { NextReason } from './tickets.js';

const count = z.number().int().nonnegative();
const seconds = z.number().int().nonnegative().nullable();
/** Operators only (G7): null for everyone else. */
const temporalUrl = z.string().nullable();
const Status = z.enum(TICKET_STATUSES);

export const WatchedBranch = z
  .object({
    id: Id,
    name: z.string(),
    code: z.string(),
    timezone: z.string(),
    orderingPolicy: z.enum(ORDERING_POLICIES),
  })
  .strict();
export type WatchedBranch = z.infer<typeof WatchedBranch>;

export const PolicyConfig = z
  .object({ policy: z.enum(ORDERING_POLICIES), interleaveRatio: z.number().int(), ageBoostMinutes: z.number().int() })
  .strict();
export type PolicyConfig = z.infer<typeof PolicyConfig>;

export const MonitorService = z
  .object({
    id: Id,
    name: z.string(),
    label: z.string(),
    active: z.boolean(),
    departmentId: Id,
    departmentName: z.string(),
    slaTargetSeconds: z.number().int(),
    waiting: count,
    calling: count,
    attending: count,
    finished: count,
    abandoned: count,
    longestWaitSeconds: seconds,
    calledToday: count,
    /** Issue 19: never called yet and already waiting past the target — misses of today's SLA. */
    waitingOverSla: count,
    withinSla: count,
    /** withinSla over (calledToday + waitingOverSla): a customer still waiting past the target counts as a miss. */
    slaPercent: z.number().nullable(),
    /** H1: who is next in this service, and why; null with nobody waiting. */
    next: NextReason.nullable(),
  })
  .strict();
export type MonitorService = z.infer<typeof MonitorService>;

export const MonitorAgent = z
  .object({
    userId: Id,
    name: z.string(),
    shiftId: Uuid.nullable(),
    state: z.enum(AGENT_STATES),
    nextState: z.enum(AGENT_STATES).nullable(),
    manualMode: z.boolean(),
    stateSince: Instant.nullable(),
    secondsInState: seconds,
    deskId: Id.nullable(),
    deskName: z.string().nullable(),
    /** What the agent is calling or serving, and for how long (server time, issue 19): null when free. */
    ticket: z.object({ id: Uuid, number: z.string(), status: Status, secondsInStatus: seconds }).strict().nullable(),
    temporalUrl,
  })
  .strict();
export type MonitorAgent = z.infer<typeof MonitorAgent>;

export const MonitorQueueItem = z
  .object({
    id: Uuid,
    number: z.string(),
    status: Status,
    kind: z.enum(TICKET_KINDS),
    priority: z.number().int(),
    serviceId: Id,
    serviceLabel: z.string(),
    agentName: z.string().nullable(),
    deskName: z.string().nullable(),
    arrivalAt: Instant,
    waitedSeconds: seconds,
    temporalUrl,
  })
  .strict();
export type MonitorQueueItem = z.infer<typeof MonitorQueueItem>;

/** One stuck ticket or shift (domain/stuck.ts), as health, the monitor and the tests see it. */
export const StuckItem = z
  .object({
    kind: z.enum(['ticket', 'shift']),
    id: Uuid,
    workflowId: z.string(),
    branchId: Id,
    reason: z.enum(STUCK_REASONS),
    since: Instant,
    number: z.string().nullable(),
    agentId: Id.nullable(),
    activity: z.string().nullable(),
    attempt: z.number().int().nullable(),
    lastError: z.string().nullable(),
  })
  .strict();
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameStuck: Same<z.infer<typeof StuckItem>, StuckItemType> = true;
void sameStuck;

export const BranchSnapshot = z
  .object({
    branch: WatchedBranch,
    policy: PolicyConfig,
    generatedAt: Instant,
    totals: z
      .object({
        waiting: count,
        longestWaitSeconds: seconds,
        calledToday: count,
        waitingOverSla: count,
        withinSla: count,
        slaPercent: z.number().nullable(),
      })
      .strict(),
    services: z.array(MonitorService),
    agents: z.array(MonitorAgent),
    agentsByState: z.partialRecord(z.enum(AGENT_STATES), count),
    /** Waiting, calling and attending tickets, at most 100, attending first. */
    queue: z.array(MonitorQueueItem),
    stuck: z.array(StuckItem.extend({ temporalUrl }).strict()),
    /** Issue 19: the branch's open alerts, oldest first (db/alerts). */
    alerts: z.array(Alert),
  })
  .strict();
export type BranchSnapshot = z.infer<typeof BranchSnapshot>;

/** After a release: the branch's stuck work as it is now. */
export const ReleaseResult = z.object({ released: z.literal(true), stuck: z.array(StuckItem) }).strict();
export type ReleaseResult = z.infer<typeof ReleaseResult>;

/** G7: where the Temporal Web UI is (operators only). */
export const TemporalUi = z.object({ uiUrl: z.string(), namespace: z.string(), workflowsUrl: z.string() }).strict();
export type TemporalUi = z.infer<typeof TemporalUi>;
