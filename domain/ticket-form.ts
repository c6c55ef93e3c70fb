// The generate-ticket form (B6), written once for the console's dialog, the back office's create
// page and the API: the body the API takes (validated there with the same schema), how the form's
// values become that body, and the field errors a form shows before anything is sent.
import { z } from 'zod';
import { text } from './text.js';
import { TICKET_KINDS, type TicketKind } from './tickets.js';
import { fieldErrors } from './validation.js';
import type { FieldErrors } from './errors.js';

const id = z.number().int().positive().max(2_147_483_647);
const name = text({ max: 80, min: 1 });
/** A customer's ID number as stored, and as typed at the kiosk to find an appointment. */
export const IdNumber = text({ max: 30 }).pipe(z.string().regex(/^[A-Za-z0-9.-]{3,30}$/, 'invalid_format'));

export const CustomerBody = z
  .object({
    firstName: name,
    // A cleared input sends null: stored as an empty surname, never as a missing one.
    lastName: text({ max: 80 })
      .nullable()
      .transform((v) => v ?? '')
      .optional(),
    email: text({ max: 254 }).pipe(z.email('invalid_email')).nullish(),
    idNumber: IdNumber.nullish(),
    phone: text({ max: 30 })
      .pipe(z.string().regex(/^\+?[0-9 ()-]{5,30}$/, 'invalid_phone'))
      .nullish(),
    // Issue 20: consent per channel, asked where the contact is taken; and her messages' language.
    notifyEmail: z.boolean().optional(),
    notifySms: z.boolean().optional(),
    notifyWhatsapp: z.boolean().optional(),
    lang: z.enum(['es', 'en']).nullish(),
  })
  .strict();

export const CreateTicketBody = z
  .object({
    serviceId: id,
    kind: z.enum(TICKET_KINDS).default('turn'),
    customerId: id.optional(),
    customer: CustomerBody.optional(),
    priorityId: id.optional(),
    scheduledAt: z
      .string()
      .max(40)
      .pipe(z.iso.datetime({ offset: true, message: 'invalid_date' }))
      .optional(),
  })
  .strict()
  .refine((b) => !(b.customerId && b.customer), { message: 'invalid_value', path: ['customer'] })
  .refine((b) => b.kind !== 'appointment' || b.scheduledAt, { message: 'required', path: ['scheduledAt'] })
  .refine((b) => b.kind !== 'appointment' || b.customerId || b.customer, { message: 'required', path: ['customer'] })
  .refine((b) => b.kind === 'appointment' || !b.scheduledAt, { message: 'invalid_value', path: ['scheduledAt'] });
export type CreateTicketBody = z.input<typeof CreateTicketBody>;

/** Whose ticket it is: nobody's, a known customer's, or a customer typed in now. */
export const CUSTOMER_MODES = ['none', 'existing', 'new'] as const;
export type CustomerMode = (typeof CUSTOMER_MODES)[number];
export const NEW_CUSTOMER_FIELDS = ['firstName', 'lastName', 'idNumber', 'email', 'phone'] as const;
export type NewCustomerValues = Partial<Record<(typeof NEW_CUSTOMER_FIELDS)[number], string | null>>;

/** What either form holds; inputs give strings (or empty values) for ids and dates. */
export interface TicketFormValues {
  serviceId?: number | string | null;
  kind?: TicketKind;
  priorityId?: number | string | null;
  /** A local date-time as an input gives it (`2026-12-01T09:30`), or an ISO instant. */
  scheduledAt?: string | Date | null;
  customerMode?: CustomerMode;
  customerId?: number | string | null;
  customer?: NewCustomerValues | null;
}
export const EMPTY_TICKET_FORM = {
  kind: 'turn',
  customerMode: 'none',
  customer: {},
} as const satisfies TicketFormValues;

const idOf = (v: number | string | null | undefined): number | undefined =>
  v === '' || v == null ? undefined : Number(v);
const instant = (v: string | Date): string | undefined => {
  const d = v instanceof Date ? v : new Date(v);
  return Number.isNaN(d.getTime()) ? String(v) : d.toISOString(); // an unreadable date is left for the schema to refuse
};

/** The body to POST /api/tickets: only what the chosen kind and customer mode use, typed fields trimmed, blanks dropped. */
export function ticketFormBody(v: TicketFormValues): CreateTicketBody {
  const kind = v.kind ?? 'turn';
  const body: CreateTicketBody = { serviceId: idOf(v.serviceId) as number, kind };
  const priorityId = idOf(v.priorityId);
  if (priorityId) body.priorityId = priorityId;
  if (kind === 'appointment' && v.scheduledAt) body.scheduledAt = instant(v.scheduledAt);
  const customerId = idOf(v.customerId);
  if (v.customerMode === 'existing' && customerId) body.customerId = customerId;
  if (v.customerMode === 'new' && v.customer) {
    const typed = NEW_CUSTOMER_FIELDS.flatMap((k) => {
      const value = v.customer?.[k]?.trim();
      return value ? [[k, value] as const] : [];
    });
    if (typed.length) body.customer = Object.fromEntries(typed) as unknown as CreateTicketBody['customer'];
  }
  return body;
}

/** The field errors of the form as it stands (keys as the API names them: `customer.firstName`), or null when it can be sent. */
export function ticketFormErrors(v: TicketFormValues): FieldErrors | null {
  const body = ticketFormBody(v);
  const parsed = CreateTicketBody.safeParse(body);
  const errors: FieldErrors = parsed.success ? {} : fieldErrors(parsed.error);
  // A "new customer" form left empty names the first field a person fills, not the whole object.
  if (v.customerMode === 'new' && !body.customer) errors['customer.firstName'] ??= { code: 'required' };
  if (v.customerMode === 'existing' && !body.customerId) errors.customerId ??= { code: 'required' };
  if (errors.customer && v.customerMode === 'existing') {
    errors.customerId ??= errors.customer;
    delete errors.customer;
  }
  return Object.keys(errors).length ? errors : null;
}
