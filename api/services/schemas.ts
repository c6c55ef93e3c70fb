// What customers queue for. Create fills defaults; Update has none, so renaming a service never
// resets its call time-out, SLA or auto-requeue limit (issue 12).
import { z } from 'zod';
import { text } from '../../domain/text.js';
import { APPOINTMENT_ENTRIES } from '../../domain/tickets.js';
import { baseFilter, flag, intId, oneOrMany, textFilter } from '../http/filters.js';

const ServiceFields = z
  .object({
    departmentId: intId,
    name: text({ max: 120, min: 2 }),
    /** The ticket prefix, A in A-001. The pattern comes first so the API documentation shows it. */
    label: z
      .string()
      .regex(/^[A-Z]{1,4}$/, 'label_format')
      .pipe(text({ max: 4, min: 1 })),
    callTimeoutSeconds: z.number().int().min(10).max(3600),
    maxAutoRequeues: z.number().int().min(0).max(10),
    slaTargetSeconds: z.number().int().min(30).max(86_400),
    /** An attention longer than this is shown to supervisors as overdue (issue 12, stuck work). */
    maxAttentionMinutes: z.number().int().min(1).max(1440),
    /** Whether an appointment joins the queue when its check-in window opens, or only at check-in (issue 16). */
    appointmentEntry: z.enum(APPOINTMENT_ENTRIES),
    virtualEnabled: z.boolean(),
    active: z.boolean(),
    /** Issue 20: "N ahead of you" from this many ahead, and "you are next"; null: neither. */
    notifyAhead: z.number().int().min(0).max(50).nullable(),
    /** Issue 20: an appointment's reminder this many minutes before it (up to 14 days); null: none. */
    remindBeforeMinutes: z.number().int().min(1).max(20_160).nullable(),
  })
  .strict();

export const ServiceCreate = ServiceFields.extend({
  callTimeoutSeconds: ServiceFields.shape.callTimeoutSeconds.default(120),
  maxAutoRequeues: ServiceFields.shape.maxAutoRequeues.default(1),
  slaTargetSeconds: ServiceFields.shape.slaTargetSeconds.default(900),
  maxAttentionMinutes: ServiceFields.shape.maxAttentionMinutes.default(60),
  appointmentEntry: ServiceFields.shape.appointmentEntry.default('check_in'),
  virtualEnabled: ServiceFields.shape.virtualEnabled.default(false),
  active: ServiceFields.shape.active.default(true),
  notifyAhead: ServiceFields.shape.notifyAhead.default(3),
  remindBeforeMinutes: ServiceFields.shape.remindBeforeMinutes.default(1440),
}).strict();
export const ServiceUpdate = ServiceFields.partial().strict();
export const ServiceFilter = z
  .object({
    ...baseFilter,
    branchId: oneOrMany(intId).optional(),
    departmentId: oneOrMany(intId).optional(),
    label: textFilter(4).optional(),
    active: flag.optional(),
    virtualEnabled: flag.optional(),
  })
  .strict();
