import { z } from 'zod';
import { name } from '../../domain/text.js';
import { Password, Phone } from '../users/schemas.js';

/** E4: these identify the user and their tenancy; only an administrator changes them. */
export const PROFILE_READ_ONLY = [
  'email',
  'entity',
  'entityId',
  'entityName',
  'branch',
  'branchId',
  'branchName',
  'role',
  'id',
] as const;

export const ProfileUpdate = z
  .object({
    firstName: name(80),
    lastName: name(80),
    phone: Phone,
  })
  .partial()
  .strict();

// The current password is only compared, never stored: any string up to the limit.
export const PasswordChange = z
  .object({ currentPassword: z.string().min(1).max(200), newPassword: Password })
  .strict()
  .refine((b) => b.currentPassword !== b.newPassword, { message: 'PasswordUnchanged', path: ['newPassword'] });
