// Request bodies of the public pages: validated here, documented from the same schemas (OpenAPI).
import { z } from 'zod';
import { IdNumber } from '../tickets/schemas.js';

export const KioskBody = z.object({ serviceId: z.number().int().positive() }).strict();
/** What a customer can type at a kiosk to find today's appointment: the ID number it was booked with. */
export const CheckInBody = z.object({ idNumber: IdNumber }).strict();
export const LeaveBody = z.object({}).strict();
