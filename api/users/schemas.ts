import { z } from 'zod';
import { ROLES } from '../../domain/agents.js';
import { baseFilter, flag, intId, oneOrMany } from '../http/filters.js';

export const PASSWORD_MIN = 10;
export const Password = z.string().min(PASSWORD_MIN, `at least ${PASSWORD_MIN} characters`).max(200);
const name = z.string().trim().min(1).max(80);
export const Phone = z.string().trim().regex(/^\+?[0-9 ()-]{5,30}$/, 'a phone number').nullable();

export const UserCreate = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: Password,
  role: z.enum(ROLES).default('agent'),
  firstName: name,
  lastName: name,
  phone: Phone.optional(),
  branchId: intId.nullable().optional(),
  active: z.boolean().default(true),
}).strict();
export const UserUpdate = UserCreate.partial().strict();
export const UserFilter = z.object({
  ...baseFilter,
  branchId: oneOrMany(intId).nullable().optional(),
  role: oneOrMany(z.enum(ROLES)).optional(),
  active: flag.optional(),
}).strict();
