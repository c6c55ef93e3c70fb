// The back office's resources (ra-data-simple-rest: a list is an array of these, one record is
// one), the profile, the signed-in user and the report rows. Records are the rows as stored,
// camelCase, minus secrets (password hashes, webhook secrets).
import { z } from 'zod';
import { AGENT_STATES, ASSIGNMENT_KINDS, ROLES } from '../agents.js';
import { ORDERING_POLICIES } from '../ordering.js';
import { APPOINTMENT_ENTRIES, APPOINTMENT_STATUSES } from '../tickets.js';
import { AUDIT_ACTIONS, AUDITED_RESOURCES } from '../config-audit.js';
import { Alert, AlertRuleScope, AlertThresholds } from '../alerts.js';
import { Day, Id, Instant, Uuid } from './common.js';
import { TREND_GRAINS } from '../report-periods.js';

const stamps = { createdAt: Instant, updatedAt: Instant };
const text = z.string();
const optionalText = z.string().nullable();

export const Entity = z
  .object({
    id: Id,
    name: text,
    slug: text,
    /** Months customer data is kept before it is anonymised (issue 18); null: kept. */
    retentionMonths: z.number().int().nullable(),
    ...stamps,
  })
  .strict();
export const Branch = z
  .object({
    id: Id,
    entityId: Id,
    name: text,
    code: text,
    timezone: text,
    orderingPolicy: z.enum(ORDERING_POLICIES),
    interleaveRatio: z.number().int(),
    ageBoostMinutes: z.number().int(),
    checkInWindowMinutes: z.number().int(),
    appointmentGraceMinutes: z.number().int(),
    ...stamps,
  })
  .strict();
export const Department = z.object({ id: Id, branchId: Id, name: text }).strict();
export const Service = z
  .object({
    id: Id,
    branchId: Id,
    departmentId: Id,
    name: text,
    label: text,
    callTimeoutSeconds: z.number().int(),
    maxAutoRequeues: z.number().int(),
    slaTargetSeconds: z.number().int(),
    maxAttentionMinutes: z.number().int(),
    appointmentEntry: z.enum(APPOINTMENT_ENTRIES),
    virtualEnabled: z.boolean(),
    active: z.boolean(),
    /** Issue 20: "N ahead of you" from this many ahead (and "you are next"); null: neither. */
    notifyAhead: z.number().int().nullable(),
    /** Issue 20: an appointment's reminder this many minutes before it; null: none. */
    remindBeforeMinutes: z.number().int().nullable(),
  })
  .strict();
export const Topic = z.object({ id: Id, serviceId: Id, name: text }).strict();
export const Priority = z
  .object({
    id: Id,
    entityId: Id,
    name: text,
    level: z.number().int(),
    /** Issue 20: a customer may choose it herself at the kiosk (not an appointment's or staff's level). */
    atKiosk: z.boolean(),
  })
  .strict();
export const Desk = z
  .object({
    id: Id,
    branchId: Id,
    name: text,
    /** Issue 16: the agent whose open shift holds the desk (read only). */
    heldBy: z.string().nullable(),
    heldByUserId: Id.nullable(),
  })
  .strict();
/** A colleague; `shift*` come from their open shift (B2), null when logged out. */
export const User = z
  .object({
    id: Id,
    entityId: Id,
    branchId: Id.nullable(),
    email: text,
    role: z.enum(ROLES),
    firstName: text,
    lastName: text,
    phone: optionalText,
    active: z.boolean(),
    ...stamps,
    shiftState: z.enum(AGENT_STATES).nullable(),
    shiftDeskId: Id.nullable(),
    shiftStateSince: Instant.nullable(),
  })
  .strict();
export const ServiceAssignment = z
  .object({ id: Id, userId: Id, serviceId: Id, kind: z.enum(ASSIGNMENT_KINDS) })
  .strict();
export const Customer = z
  .object({
    id: Id,
    entityId: Id,
    firstName: text,
    lastName: text,
    email: optionalText,
    idNumber: optionalText,
    phone: optionalText,
    /** Issue 20: the channels she agreed to be told on (an opt-out clears one). */
    notifyEmail: z.boolean(),
    notifySms: z.boolean(),
    notifyWhatsapp: z.boolean(),
    /** Issue 20: the language of her messages; null: the entity's first. */
    lang: z.enum(['es', 'en']).nullable(),
    /** When the entity's retention removed this customer's data (issue 18); null: kept. */
    anonymisedAt: Instant.nullable(),
    ...stamps,
  })
  .strict();
/** A booked visit (H6); `ticketId` is the ticket that drives it. */
export const Appointment = z
  .object({
    id: Id,
    entityId: Id,
    branchId: Id,
    serviceId: Id,
    customerId: Id,
    scheduledAt: Instant,
    status: z.enum(APPOINTMENT_STATUSES),
    confirmedAt: Instant.nullable(),
    /** Issue 20: what the customer types or scans at the kiosk to check in (domain/check-in.ts). */
    code: z.string(),
    ...stamps,
    ticketId: Uuid.nullable(),
  })
  .strict();
export const Notification = z
  .object({
    id: Id,
    entityId: Id,
    userId: Id,
    type: text,
    title: text,
    body: optionalText,
    data: z.record(z.string(), z.unknown()),
    dedupeKey: text,
    readAt: Instant.nullable(),
    createdAt: Instant,
  })
  .strict();
/** The secret is write-only: `hasSecret` says one is set. */
export const Webhook = z
  .object({
    id: Id,
    entityId: Id,
    url: text,
    events: z.array(text),
    active: z.boolean(),
    createdAt: Instant,
    hasSecret: z.literal(true),
  })
  .strict();
/** Issue 20: the entity's SMS/WhatsApp provider; the token is write-only: `hasToken` says one is set. */
export const MessageProvider = z
  .object({ id: Id, entityId: Id, url: text, ...stamps, hasToken: z.literal(true) })
  .strict();
export const WEBHOOK_DELIVERY_STATUSES = ['delivered', 'failed', 'pending'] as const;
export const WebhookDelivery = z
  .object({
    id: Id,
    webhookId: Id,
    eventKey: text,
    event: text,
    payload: z.record(z.string(), z.unknown()),
    attempts: z.number().int(),
    lastStatus: z.number().int().nullable(),
    lastError: optionalText,
    lastAttemptAt: Instant.nullable(),
    /** Null once delivered or given up: the retry lease is bookkeeping. */
    nextAttemptAt: Instant.nullable(),
    deliveredAt: Instant.nullable(),
    gaveUpAt: Instant.nullable(),
    createdAt: Instant,
    status: z.enum(WEBHOOK_DELIVERY_STATUSES),
  })
  .strict();
export const BreakCap = z
  .object({ id: Id, entityId: Id, state: z.enum(AGENT_STATES), maxMinutes: z.number().int() })
  .strict();
/** Issue 19: alert thresholds of the entity (no branch), a branch or a service (domain/alerts.ts). */
export const AlertRule = z
  .object({ id: Id, entityId: Id, ...AlertRuleScope, ...AlertThresholds.shape, ...stamps })
  .strict();
/** Issue 19: one change of configuration, the record as the API showed it before and after (no credentials). */
export const ConfigAuditEntry = z
  .object({
    id: Id,
    entityId: Id,
    branchId: Id.nullable(),
    resource: z.enum(AUDITED_RESOURCES),
    recordId: Id,
    action: z.enum(AUDIT_ACTIONS),
    actorId: Id.nullable(),
    actorName: text,
    before: z.record(z.string(), z.unknown()).nullable(),
    after: z.record(z.string(), z.unknown()).nullable(),
    /** The fields whose value differs (every field of a create or delete). */
    changed: z.array(text),
    at: Instant,
  })
  .strict();

/** One record schema per resource, by its name (folder, path, table: STYLE 6). */
export const RESOURCES = {
  entities: Entity,
  branches: Branch,
  departments: Department,
  services: Service,
  topics: Topic,
  priorities: Priority,
  desks: Desk,
  users: User,
  service_assignments: ServiceAssignment,
  customers: Customer,
  appointments: Appointment,
  notifications: Notification,
  webhooks: Webhook,
  webhook_deliveries: WebhookDelivery,
  break_caps: BreakCap,
  config_audit: ConfigAuditEntry,
  alerts: Alert,
  alert_rules: AlertRule,
  message_providers: MessageProvider,
} as const;
export type ResourceName = keyof typeof RESOURCES;
export type ResourceRecord<R extends ResourceName> = z.infer<(typeof RESOURCES)[R]>;

/** E1: the user's own profile; e-mail, entity and branch are read-only (E4). */
export const Profile = z
  .object({
    id: Id,
    email: text,
    firstName: text,
    lastName: text,
    phone: optionalText,
    role: z.enum(ROLES),
    entityId: Id,
    entityName: text,
    branchId: Id.nullable(),
    branchName: optionalText,
  })
  .strict();
export type Profile = z.infer<typeof Profile>;

/** The signed-in user (GET /api/auth/me), as every request's session knows it. */
export const SessionUser = z
  .object({
    id: Id,
    entityId: Id,
    branchId: Id.nullable(),
    role: z.enum(ROLES),
    email: text,
    firstName: text,
    lastName: text,
  })
  .strict();
export type SessionUser = z.infer<typeof SessionUser>;

const seconds = z.number().nullable();
const percent = z.number().nullable();
/** H3: one row of the attention figures, per the report's `groupBy`. */
export const ReportRow = z
  .object({
    key: z.string().nullable(),
    label: text,
    tickets: z.number().int(),
    served: z.number().int(),
    avgWaitSeconds: seconds,
    avgWalkSeconds: seconds,
    avgServiceSeconds: seconds,
    called: z.number().int(),
    withinSla: z.number().int(),
    /**
     * Issue 19: customers not yet called and already waiting past the target (only a day still
     * open has any): a miss, as the monitor counts it (domain/sla.ts slaPercent).
     */
    waitingOverSla: z.number().int(),
    slaPercent: percent,
    /** Issue 19: outcomes by who ended the ticket (domain/report-outcomes.ts). The customer left the queue. */
    leftBeforeCalled: z.number().int(),
    /** Every no-show: noShowTimeout + noShowMarked + missedAppointment. */
    noShow: z.number().int(),
    noShowTimeout: z.number().int(),
    noShowMarked: z.number().int(),
    missedAppointment: z.number().int(),
    /** Every cancellation: cancelledByStaff + leftBeforeCalled. */
    cancelled: z.number().int(),
    cancelledByStaff: z.number().int(),
    /** Left or did not come when called (ABANDONED_OUTCOMES), over the tickets. */
    abandonmentPercent: percent,
    /**
     * Issue 19: serving time (a ticket called or in attention) over logged-in time less breaks
     * (online + wrap-up); null without agents' time or with no such time.
     */
    occupancyPercent: percent,
    /** From the shift state periods: per agent, or summed over the group's agents. */
    idleSeconds: seconds,
    breakSeconds: seconds,
    wrapUpSeconds: seconds,
  })
  .strict();
export type ReportRow = z.infer<typeof ReportRow>;

export const GROUP_BYS = ['branch', 'department', 'service', 'agent', 'day'] as const;
export type GroupBy = (typeof GROUP_BYS)[number];
/** GET /api/reports/summary: the asked range and grouping, and its rows. */
export const Report = z.object({ from: Day, to: Day, groupBy: z.enum(GROUP_BYS), rows: z.array(ReportRow) }).strict();
export type Report = z.infer<typeof Report>;

export { TREND_GRAINS, type TrendGrain } from '../report-periods.js';
/**
 * Issue 19, GET /api/reports/trends: the figures per service day or ISO week (domain/report-periods.ts)
 * of the range, every period present (an empty one has zeros); a row's key is the period's first
 * day (a week's Monday, even when the range starts later), its label the day or the week's name.
 */
export const TrendReport = z
  .object({ from: Day, to: Day, grain: z.enum(TREND_GRAINS), periods: z.array(ReportRow) })
  .strict();
export type TrendReport = z.infer<typeof TrendReport>;

/** Issue 19: one topic of one service over the range (a ticket with two topics counts under each). */
export const TopicReportRow = z
  .object({
    topicId: Id,
    topic: text,
    serviceId: Id,
    service: text,
    tickets: z.number().int(),
    served: z.number().int(),
    avgServiceSeconds: seconds,
  })
  .strict();
export type TopicReportRow = z.infer<typeof TopicReportRow>;
/** GET /api/reports/topics. */
export const TopicReport = z.object({ from: Day, to: Day, rows: z.array(TopicReportRow) }).strict();
export type TopicReport = z.infer<typeof TopicReport>;

/**
 * Issue 19: the heat map's cell — arrivals in one hour of the day (on the branch's clock) on one
 * ISO weekday (1 Monday … 7 Sunday) of the range. By weekday, whatever the range's length: the
 * same grid reads for a day (one row filled), a week and a year.
 */
export const HourReportCell = z
  .object({
    weekday: z.number().int().min(1).max(7),
    hour: z.number().int().min(0).max(23),
    tickets: z.number().int(),
    avgWaitSeconds: seconds,
    called: z.number().int(),
    withinSla: z.number().int(),
    leftBeforeCalled: z.number().int(),
  })
  .strict();
export type HourReportCell = z.infer<typeof HourReportCell>;
/** GET /api/reports/hours: only the cells with arrivals. */
export const HourReport = z.object({ from: Day, to: Day, cells: z.array(HourReportCell) }).strict();
export type HourReport = z.infer<typeof HourReport>;
