// Ticket request bodies: validated here, documented from the same schemas (OpenAPI).
import { z } from 'zod';
import { NOTE_MAX_LENGTH } from '../../domain/ticket-messages.js';
import { text } from '../../domain/text.js';

// The create body (and the customer fields it shares) is the generate form's: domain/ticket-form.ts.
import { CustomerBody } from '../../domain/ticket-form.js';
export { CreateTicketBody, CustomerBody, IdNumber } from '../../domain/ticket-form.js';

const id = z.number().int().positive().max(2_147_483_647);
const reason = text({ max: 300 }).optional();
export const CallBody = z.object({ deskId: id.optional(), agentId: id.optional() }).strict();
export const FinishBody = z.object({ topicIds: z.array(id).max(50).optional() }).strict();
export const RequeueBody = z.object({ keepArrival: z.boolean().optional(), reason }).strict();
export const CancelBody = z.object({ reason }).strict();
export const TransferBody = z
  .object({ serviceId: id.optional(), agentId: id.optional(), reason })
  .strict()
  .refine((b) => b.serviceId || b.agentId, { message: 'required', path: ['serviceId'] });
export const NoteBody = z.object({ text: text({ max: NOTE_MAX_LENGTH, min: 1, multiline: true }) }).strict();
export const TopicsBody = z.object({ topicIds: z.array(id).max(50) }).strict();
/** New values for the ticket's customer, or `{ customerId }` to link an existing one ("use this customer"). */
export const EditCustomerBody = z.union([
  z.object({ customerId: id }).strict(),
  CustomerBody.partial()
    .strict()
    .refine((b) => Object.keys(b).length > 0, { message: 'required', path: ['_'] }),
]);
export const EmptyBody = z.object({}).strict();
