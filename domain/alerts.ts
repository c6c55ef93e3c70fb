// Issue 19: alerts as a first-class concept — what may be raised, the thresholds that raise it and
// their defaults. Shared by the evaluator (activities/alerts), the API, the back office and tests.
import { z } from 'zod';
import { Id, Instant, Uuid } from './contracts/common.js';
import { LOW_SCORE } from './surveys.js';

export const ALERT_KINDS = [
  /** A customer never called yet has waited past the service's SLA target. */
  'sla_breach',
  /** More customers waiting in a service than its threshold. */
  'queue_length',
  /** Customers waiting and no agent online who may serve them. */
  'unserved_queue',
  /** An agent's break ran past its cap (break_caps). */
  'break_over_cap',
  /** Stuck work needing a supervisor (the monitor's "needs attention", db/stuck). */
  'stuck_work',
  /** Issue 20: a satisfaction answer at or below the threshold (subject survey:<ticketId>). */
  'low_score',
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/**
 * Kinds raised by an event rather than a condition: the evaluator neither finds nor clears them
 * (db/alerts/record.ts); they stay open until a supervisor acknowledges them.
 */
export const EVENT_ALERT_KINDS = ['low_score'] as const satisfies readonly AlertKind[];
export const isEventAlert = (kind: string): boolean => (EVENT_ALERT_KINDS as readonly string[]).includes(kind);

/** What applies where no alert rule says otherwise. */
export const ALERT_DEFAULTS = {
  slaBreach: true,
  queueLengthMax: 10,
  unservedAfterSeconds: 60,
  breakOverCap: true,
  stuckWork: true,
  lowScoreMax: LOW_SCORE,
} as const;

/** A threshold set as stored (api/alert_rules): entity-wide (no branch), a branch's, or a service's. */
export const AlertRuleScope = { branchId: Id.nullable(), serviceId: Id.nullable() };

/** One threshold set. A service's own rule beats its branch's, which beats the entity-wide one (no branch). */
export const AlertThresholds = z
  .object({
    slaBreach: z.boolean(),
    /** null: no queue-length alert. */
    queueLengthMax: z.number().int().min(1).max(10_000).nullable(),
    /** null: no unserved-queue alert. */
    unservedAfterSeconds: z.number().int().min(0).max(86_400).nullable(),
    breakOverCap: z.boolean(),
    stuckWork: z.boolean(),
    /** Issue 20: a satisfaction answer at or below this score raises low_score; null: none. */
    lowScoreMax: z.number().int().min(1).max(4).nullable(),
  })
  .strict();
export type AlertThresholds = z.infer<typeof AlertThresholds>;

/** One alert as the API, the monitor, the bell and webhooks show it. */
export const Alert = z
  .object({
    id: Id,
    entityId: Id,
    kind: z.enum(ALERT_KINDS),
    /** What it is about, unique among open alerts of a kind (service:3, shift:<uuid>, stuck:<workflow>). */
    subject: z.string(),
    branchId: Id,
    serviceId: Id.nullable(),
    userId: Id.nullable(),
    shiftId: Uuid.nullable(),
    ticketId: Uuid.nullable(),
    /** What was seen when it was raised (counts, seconds, the cap), for the sentence that shows it. */
    params: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
    raisedAt: Instant,
    clearedAt: Instant.nullable(),
    /** Who acknowledged it (an event alert); null when it cleared by itself or is open. */
    clearedBy: Id.nullable(),
  })
  .strict();
export type Alert = z.infer<typeof Alert>;

/** The webhook events an alert emits (domain/webhooks.ts lists them too). */
export const ALERT_WEBHOOK_EVENTS = ['alert.raised', 'alert.cleared'] as const;
/** The notification type of an alert (the bell and the console's bell tell them apart by it). */
export const ALERT_NOTIFICATION = 'alert';
