// Staff. Create fills role and activity; Update has no defaults, so changing a supervisor's
// phone never demotes her and editing a deactivated user never re-activates them (issue 12).
import { z } from 'zod';
import { ROLES } from '../../domain/agents.js';
import { name, text } from '../../domain/text.js';
import { baseFilter, flag, intId, oneOrMany } from '../http/filters.js';

export const PASSWORD_MIN = 10;
/** Kept as typed (no trimming): white space may be part of a password. */
export const Password = text({ max: 200, raw: true }).pipe(z.string().min(PASSWORD_MIN, 'password_too_short'));
/** Stored lower-case: the unique index is on (entity, lower(email)). */
export const Email = text({ max: 254, min: 1 })
  .transform((s) => s.toLowerCase())
  .pipe(z.email('invalid_email'));
export const Phone = text({ max: 30 })
  .refine((p) => /^\+?[0-9 ()-]{5,30}$/.test(p), 'invalid_phone')
  .nullable();

const UserFields = z
  .object({
    email: Email,
    password: Password,
    role: z.enum(ROLES),
    firstName: name(80),
    lastName: name(80),
    phone: Phone,
    branchId: intId.nullable(),
    active: z.boolean(),
  })
  .strict();

export const UserCreate = UserFields.extend({
  role: UserFields.shape.role.default('agent'),
  phone: Phone.optional(),
  branchId: UserFields.shape.branchId.optional(),
  active: UserFields.shape.active.default(true),
}).strict();
export const UserUpdate = UserFields.partial().strict();
export const UserFilter = z
  .object({
    ...baseFilter,
    branchId: oneOrMany(intId).nullable().optional(),
    role: oneOrMany(z.enum(ROLES)).optional(),
    active: flag.optional(),
  })
  .strict();
