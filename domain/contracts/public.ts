// The unauthenticated pages (C9, H5, H6): kiosk, branch display, customer status page. They carry
// ticket numbers and desks, never customers: strangers see them.
import { z } from 'zod';
import { TICKET_STATUSES } from '../tickets.js';
import { Id, Instant, Uuid } from './common.js';
import { ServiceRef } from './shifts.js';

/** Issue 20: a priority the kiosk offers (elderly, pregnant…): the entity's levels above normal. */
export const KioskPriority = z.object({ id: Id, name: z.string() }).strict();
export type KioskPriority = z.infer<typeof KioskPriority>;

/** The kiosk's branch: its name, the services it issues tickets for and the priorities it offers. */
export const PublicBranch = z
  .object({ id: Id, name: z.string(), services: z.array(ServiceRef), priorities: z.array(KioskPriority) })
  .strict();
export type PublicBranch = z.infer<typeof PublicBranch>;

/** A ticket taken or an appointment checked in at the kiosk, with its status-page link. */
export const KioskTicket = z
  .object({
    number: z.string(),
    serviceName: z.string(),
    token: z.string(),
    statusUrl: z.string(),
    /** When it was issued (or checked in): printed on the paper ticket (issue 20). */
    issuedAt: Instant,
  })
  .strict();
export type KioskTicket = z.infer<typeof KioskTicket>;

export const CalledTicket = z
  .object({
    ticketId: Uuid,
    number: z.string(),
    status: z.enum(TICKET_STATUSES),
    deskName: z.string().nullable(),
    serviceName: z.string(),
    calledAt: Instant.nullable(),
    recallCount: z.number().int().nonnegative(),
  })
  .strict();
export type CalledTicket = z.infer<typeof CalledTicket>;

/** C9: who is being called now, and the last calls of the day. */
export const DisplayView = z
  .object({ branchName: z.string(), calling: z.array(CalledTicket), recent: z.array(CalledTicket) })
  .strict();
export type DisplayView = z.infer<typeof DisplayView>;

/**
 * H5: the customer's view of their own ticket; `ahead` only while waiting, and with it
 * `waitMinutes`, the estimated wait (domain/wait-estimate.ts), null while there is no pace to go by.
 */
export const PublicStatus = z
  .object({
    number: z.string(),
    status: z.enum(TICKET_STATUSES),
    branchId: Id,
    branchName: z.string(),
    serviceName: z.string(),
    deskName: z.string().nullable(),
    ahead: z.number().int().nonnegative().nullable(),
    waitMinutes: z.number().int().positive().nullable(),
    /** Called, and the customer said "on my way" during this call (issue 17). */
    onTheWay: z.boolean(),
  })
  .strict();
export type PublicStatus = z.infer<typeof PublicStatus>;

/**
 * Issue 20: the satisfaction survey of a ticket, as its status-page token opens it. `state`: open
 * (finished, within SURVEY_DAYS of its end), notFinished (nothing to rate yet, or cancelled),
 * closed (too late). `answer`: what this link already answered (it may be changed while open).
 */
export const PublicSurvey = z
  .object({
    number: z.string(),
    serviceName: z.string(),
    branchName: z.string(),
    state: z.enum(['open', 'notFinished', 'closed']),
    answer: z
      .object({ score: z.number().int().min(1).max(5), comment: z.string().nullable() })
      .strict()
      .nullable(),
  })
  .strict();
export type PublicSurvey = z.infer<typeof PublicSurvey>;
