import { z } from 'zod';
import { baseFilter } from '../http/filters.js';
import { CustomerBody } from '../tickets/schemas.js';

// The same fields and rules as a customer created with a ticket or edited from one (C5, B6).
export const CustomerCreate = CustomerBody;
export const CustomerUpdate = CustomerBody.partial().strict();
export const CustomerFilter = z.object({
  ...baseFilter,
  idNumber: z.string().max(30).optional(),
  email: z.string().max(254).optional(),
}).strict();
