// A branch and its queue policy (H1). Create fills defaults; Update has none, so an edit that
// names only the name never resets the policy (issue 12).
import { z } from 'zod';
import { ORDERING_POLICIES } from '../../domain/ordering.js';
import { text } from '../../domain/text.js';
import { baseFilter, oneOrMany, textFilter } from '../http/filters.js';

/** A first, cheap check; PostgreSQL's own list has the last word (timezones.ts). */
const timezone = text({ max: 60, min: 1 }).refine((tz) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false; // Intl throws RangeError for an unknown zone: that is the answer, not a failure
  }
}, 'invalid_timezone');

const BranchFields = z
  .object({
    name: text({ max: 120, min: 2 }),
    /** The pattern comes first so the API documentation shows it. */
    code: z
      .string()
      .regex(/^[A-Z0-9]{2,20}$/, 'code_format')
      .pipe(text({ max: 20, min: 2 })),
    timezone,
    orderingPolicy: z.enum(ORDERING_POLICIES),
    interleaveRatio: z.number().int().min(1).max(20),
    ageBoostMinutes: z.number().int().min(1).max(240),
    checkInWindowMinutes: z.number().int().min(0).max(240),
    /** Issue 16: past an appointment's time by this, a customer who never checked in is a no-show. */
    appointmentGraceMinutes: z.number().int().min(0).max(1440),
  })
  .strict();

export const BranchCreate = BranchFields.extend({
  timezone: timezone.default('America/Bogota'),
  orderingPolicy: BranchFields.shape.orderingPolicy.default('fifo'),
  interleaveRatio: BranchFields.shape.interleaveRatio.default(2),
  ageBoostMinutes: BranchFields.shape.ageBoostMinutes.default(10),
  checkInWindowMinutes: BranchFields.shape.checkInWindowMinutes.default(15),
  appointmentGraceMinutes: BranchFields.shape.appointmentGraceMinutes.default(120),
}).strict();
export const BranchUpdate = BranchFields.partial().strict();
export const BranchFilter = z
  .object({
    ...baseFilter,
    code: textFilter(20).optional(),
    orderingPolicy: oneOrMany(z.enum(ORDERING_POLICIES)).optional(),
  })
  .strict();
