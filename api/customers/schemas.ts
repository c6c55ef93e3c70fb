import { z } from 'zod';
import { baseFilter, textFilter } from '../http/filters.js';
import { CustomerBody } from '../tickets/schemas.js';

// The same fields and rules as a customer created with a ticket or edited from one (C5, B6).
// No defaults: an edit never clears what it does not name.
export const CustomerCreate = CustomerBody;
export const CustomerUpdate = CustomerBody.partial().strict();
export const CustomerFilter = z
  .object({
    ...baseFilter,
    idNumber: textFilter(30).optional(),
    email: textFilter(254).optional(),
  })
  .strict();
