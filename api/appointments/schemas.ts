import { z } from 'zod';
import { baseFilter, intId, oneOrMany } from '../http/filters.js';
import { CustomerBody } from '../tickets/schemas.js';
import { APPOINTMENT_STATUSES } from '../../domain/tickets.js';

/** Booking starts the appointment's ticket workflow, which writes the appointment row (H6). */
export const AppointmentCreate = z
  .object({
    serviceId: intId,
    scheduledAt: z.string().datetime({ offset: true }),
    customerId: intId.optional(),
    customer: CustomerBody.optional(),
    priorityId: intId.optional(),
  })
  .strict()
  // One of them, not both.
  .refine((b) => Boolean(b.customerId) !== Boolean(b.customer), {
    message: 'AppointmentNeedsCustomer',
    path: ['customer'],
  });

export const AppointmentFilter = z
  .object({
    ...baseFilter,
    branchId: oneOrMany(intId).optional(),
    serviceId: oneOrMany(intId).optional(),
    customerId: oneOrMany(intId).optional(),
    status: oneOrMany(z.enum(APPOINTMENT_STATUSES)).optional(),
  })
  .strict();
