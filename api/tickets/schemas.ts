// Ticket request bodies: validated here, documented from the same schemas (OpenAPI).
import { z } from 'zod';
import { TICKET_KINDS } from '../../domain/tickets.js';
import { NOTE_MAX_LENGTH } from '../../domain/ticket-messages.js';

const id = z.number().int().positive();
const name = z.string().trim().min(1).max(80);

export const CustomerBody = z.object({
  firstName: name,
  lastName: z.string().trim().max(80).optional(),
  email: z.string().trim().email().max(254).nullish(),
  idNumber: z.string().trim().regex(/^[A-Za-z0-9.-]{3,30}$/, 'letters, digits, dots and dashes (3–30)').nullish(),
  phone: z.string().trim().regex(/^\+?[0-9 ()-]{5,30}$/, 'a phone number').nullish(),
}).strict();

export const CreateTicketBody = z.object({
  serviceId: id,
  kind: z.enum(TICKET_KINDS).default('turn'),
  customerId: id.optional(),
  customer: CustomerBody.optional(),
  priorityId: id.optional(),
  scheduledAt: z.string().datetime({ offset: true }).optional(),
}).strict()
  .refine((b) => !(b.customerId && b.customer), { message: 'give customerId or customer, not both', path: ['customer'] })
  .refine((b) => b.kind !== 'appointment' || b.scheduledAt, { message: 'an appointment needs scheduledAt', path: ['scheduledAt'] })
  .refine((b) => b.kind !== 'appointment' || b.customerId || b.customer, { message: 'an appointment needs a customer', path: ['customer'] })
  .refine((b) => b.kind === 'appointment' || !b.scheduledAt, { message: 'only appointments have scheduledAt', path: ['scheduledAt'] });

export const CallBody = z.object({ deskId: id.optional(), agentId: id.optional() }).strict();
export const FinishBody = z.object({ topicIds: z.array(id).max(50).optional() }).strict();
export const RequeueBody = z.object({ keepArrival: z.boolean().optional(), reason: z.string().trim().max(300).optional() }).strict();
export const CancelBody = z.object({ reason: z.string().trim().max(300).optional() }).strict();
export const TransferBody = z.object({ serviceId: id.optional(), agentId: id.optional(), reason: z.string().trim().max(300).optional() }).strict()
  .refine((b) => b.serviceId || b.agentId, { message: 'give serviceId, agentId or both', path: ['serviceId'] });
export const NoteBody = z.object({ text: z.string().trim().min(1).max(NOTE_MAX_LENGTH) }).strict();
export const TopicsBody = z.object({ topicIds: z.array(id).max(50) }).strict();
export const EditCustomerBody = CustomerBody.partial().strict()
  .refine((b) => Object.keys(b).length > 0, { message: 'change at least one field', path: ['_'] });
export const EmptyBody = z.object({}).strict();
