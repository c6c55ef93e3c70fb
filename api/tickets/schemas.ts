// Ticket request bodies: validated here, documented from the same schemas (OpenAPI).
import { z } from 'zod';
import { TICKET_KINDS } from '../../domain/tickets.js';
import { NOTE_MAX_LENGTH } from '../../domain/ticket-messages.js';
import { text } from '../../domain/text.js';

const id = z.number().int().positive().max(2_147_483_647);
const name = text({ max: 80, min: 1 });
const reason = text({ max: 300 }).optional();
/** A customer's ID number as stored, and as typed at the kiosk to find an appointment. */
export const IdNumber = text({ max: 30 }).pipe(z.string().regex(/^[A-Za-z0-9.-]{3,30}$/, 'invalid_format'));

export const CustomerBody = z.object({
  firstName: name,
  // A cleared input sends null: stored as an empty surname, never as a missing one.
  lastName: text({ max: 80 }).nullable().transform((v) => v ?? '').optional(),
  email: text({ max: 254 }).pipe(z.email('invalid_email')).nullish(),
  idNumber: IdNumber.nullish(),
  phone: text({ max: 30 }).pipe(z.string().regex(/^\+?[0-9 ()-]{5,30}$/, 'invalid_phone')).nullish(),
}).strict();

export const CreateTicketBody = z.object({
  serviceId: id,
  kind: z.enum(TICKET_KINDS).default('turn'),
  customerId: id.optional(),
  customer: CustomerBody.optional(),
  priorityId: id.optional(),
  scheduledAt: z.string().max(40).pipe(z.iso.datetime({ offset: true, message: 'invalid_date' })).optional(),
}).strict()
  .refine((b) => !(b.customerId && b.customer), { message: 'invalid_value', path: ['customer'] })
  .refine((b) => b.kind !== 'appointment' || b.scheduledAt, { message: 'required', path: ['scheduledAt'] })
  .refine((b) => b.kind !== 'appointment' || b.customerId || b.customer, { message: 'required', path: ['customer'] })
  .refine((b) => b.kind === 'appointment' || !b.scheduledAt, { message: 'invalid_value', path: ['scheduledAt'] });

export const CallBody = z.object({ deskId: id.optional(), agentId: id.optional() }).strict();
export const FinishBody = z.object({ topicIds: z.array(id).max(50).optional() }).strict();
export const RequeueBody = z.object({ keepArrival: z.boolean().optional(), reason }).strict();
export const CancelBody = z.object({ reason }).strict();
export const TransferBody = z.object({ serviceId: id.optional(), agentId: id.optional(), reason }).strict()
  .refine((b) => b.serviceId || b.agentId, { message: 'required', path: ['serviceId'] });
export const NoteBody = z.object({ text: text({ max: NOTE_MAX_LENGTH, min: 1, multiline: true }) }).strict();
export const TopicsBody = z.object({ topicIds: z.array(id).max(50) }).strict();
/** New values for the ticket's customer, or `{ customerId }` to link an existing one ("use this customer"). */
export const EditCustomerBody = z.union([
  z.object({ customerId: id }).strict(),
  CustomerBody.partial().strict().refine((b) => Object.keys(b).length > 0, { message: 'required', path: ['_'] }),
]);
export const EmptyBody = z.object({}).strict();
