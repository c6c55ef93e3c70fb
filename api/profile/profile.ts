// E1–E4: the signed-in user's own profile and password.
import type { z } from 'zod';
import type { Db } from '../../db/knex.js';
import { DomainError, type FieldErrors } from '../../domain/errors.js';
import { hashPassword, verifyPassword } from '../../platform/passwords.js';
import { revokeOtherSessions, type SessionUser } from '../auth/sessions.js';
import { PROFILE_READ_ONLY, type PasswordChange, type ProfileUpdate } from './schemas.js';
import type { Profile } from '../../domain/contracts/resources.js';

interface ProfileRow {
  id: number;
  email: string;
  first_name: string;
  last_name: string;
  phone: string | null;
  role: Profile['role'];
  entity_id: number;
  entity_name: string;
  branch_id: number | null;
  branch_name: string | null;
}

export async function readProfile(db: Db, u: SessionUser): Promise<Profile> {
  const row: ProfileRow = await db('users as u')
    .join('entities as e', 'e.id', 'u.entity_id')
    .leftJoin('branches as b', 'b.id', 'u.branch_id')
    .where('u.id', u.id)
    .first(
      'u.id',
      'u.email',
      'u.first_name',
      'u.last_name',
      'u.phone',
      'u.role',
      'u.entity_id',
      'e.name as entity_name',
      'u.branch_id',
      'b.name as branch_name',
    );
  return {
    id: row.id,
    email: row.email,
    firstName: row.first_name,
    lastName: row.last_name,
    phone: row.phone,
    role: row.role,
    entityId: row.entity_id,
    entityName: row.entity_name,
    branchId: row.branch_id,
    branchName: row.branch_name,
  };
}

/** E4: refuses (rather than ignores) the identity fields, so a client learns it cannot change them. */
export function refuseReadOnly(body: unknown): void {
  if (!body || typeof body !== 'object') return;
  const fields: FieldErrors = {};
  for (const k of PROFILE_READ_ONLY) if (k in body) fields[k] = { code: 'read_only' };
  if (Object.keys(fields).length)
    throw new DomainError(
      'Validation',
      {},
      { message: 'E-mail, entity and branch cannot be changed from the profile: ask an administrator.', fields },
    );
}

export async function updateProfile(db: Db, u: SessionUser, body: z.infer<typeof ProfileUpdate>): Promise<void> {
  const row: Record<string, unknown> = {};
  if (body.firstName !== undefined) row.first_name = body.firstName;
  if (body.lastName !== undefined) row.last_name = body.lastName;
  if (body.phone !== undefined) row.phone = body.phone;
  if (Object.keys(row).length)
    await db('users')
      .where({ id: u.id })
      .update({ ...row, updated_at: db.fn.now() });
}

/** E3: needs the current password; ends every other session (a thief's, say). */
export async function changePassword(
  db: Db,
  u: SessionUser,
  token: string,
  body: z.infer<typeof PasswordChange>,
): Promise<{ revokedSessions: number }> {
  const row = await db('users').where({ id: u.id }).first('password_hash');
  if (!row || !(await verifyPassword(row.password_hash, body.currentPassword))) {
    throw new DomainError(
      'WrongCurrentPassword',
      {},
      { message: 'The current password is wrong.', field: 'currentPassword' },
    );
  }
  await db('users')
    .where({ id: u.id })
    .update({ password_hash: await hashPassword(body.newPassword), updated_at: db.fn.now() });
  return { revokedSessions: await revokeOtherSessions(db, u.id, token) };
}
