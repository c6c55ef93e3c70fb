// Request bodies of the public pages: validated here, documented from the same schemas (OpenAPI).
import { z } from 'zod';
import { SURVEY_COMMENT_MAX } from '../../domain/surveys.js';
import { text } from '../../domain/text.js';
import { checkInCodeOf } from '../../domain/check-in.js';
import { CustomerBody, IdNumber } from '../tickets/schemas.js';

const id = z.number().int().positive().max(2_147_483_647);

/**
 * Issue 20: who the kiosk's customer is, if she says — an ID number, a phone, an e-mail — and the
 * channels she agrees to be told on. A channel's consent comes with its contact typed here: the
 * kiosk never opts anyone in on a contact it was not given.
 */
export const KioskCustomer = z
  .object({
    idNumber: IdNumber.optional(),
    phone: CustomerBody.shape.phone.unwrap().unwrap().optional(),
    email: CustomerBody.shape.email.unwrap().unwrap().optional(),
    notifyEmail: z.boolean().optional(),
    notifySms: z.boolean().optional(),
    notifyWhatsapp: z.boolean().optional(),
  })
  .strict()
  .refine((c) => c.idNumber || c.phone || c.email, { message: 'required', path: ['idNumber'] })
  .refine((c) => !c.notifyEmail || c.email, { message: 'required', path: ['email'] })
  .refine((c) => !(c.notifySms || c.notifyWhatsapp) || c.phone, { message: 'required', path: ['phone'] });
export type KioskCustomer = z.infer<typeof KioskCustomer>;

export const KioskBody = z
  .object({
    serviceId: id,
    customer: KioskCustomer.optional(),
    priorityId: id.optional(),
    /** The language the customer used at the kiosk: her messages' (issue 20). */
    lang: z.enum(['es', 'en']).optional(),
  })
  .strict();
/** What a customer can type at a kiosk to find today's appointment: the ID number it was booked with. */
/** What the kiosk's one field takes: an ID number, or a check-in code typed or scanned from its QR. */
const CheckInEntry = text({ max: 40 }).refine((v) => checkInCodeOf(v) !== null || IdNumber.safeParse(v).success, {
  message: 'invalid_format',
});
/** H6, issue 20: `entry` is either (the kiosk's field); `idNumber` alone, as before, an ID number only. */
export const CheckInBody = z
  .object({ idNumber: IdNumber.optional(), entry: CheckInEntry.optional() })
  .strict()
  .refine((b) => (b.idNumber === undefined) !== (b.entry === undefined), {
    message: 'required',
    path: ['entry'],
  });
export type CheckInBody = z.infer<typeof CheckInBody>;
export const LeaveBody = z.object({}).strict();
/** Issue 20: the survey page's answer; sending it again while the survey is open changes it. */
export const SurveyBody = z
  .object({
    score: z.number().int().min(1).max(5),
    comment: text({ max: SURVEY_COMMENT_MAX, multiline: true }).nullish(),
  })
  .strict();
export type SurveyBody = z.infer<typeof SurveyBody>;
