// Who may change whom (H7): admins everyone in the entity but operators; supervisors the agents
// of their reach; nobody their own role or activity (an admin demoting themselves could lock the
// entity out). The operator role reaches every entity's workflows (G7), so only an operator
// grants or removes it, or touches an operator's account at all: an admin who could reset an
// operator's password could log in as one. Passwords are stored as argon2 hashes only.
import type { Db } from '../../db/knex.js';
import type { User } from '../../db/models/user.js';
import { hasAdminRights, isOperator } from '../../domain/agents.js';
import { DomainError } from '../../domain/errors.js';
import { hashPassword } from '../../platform/passwords.js';
import type { SessionUser } from '../auth/sessions.js';
import type { WriteOp } from '../http/crud.js';
import { adminOnly, assertBranch, operatorOnly, refuseWrite, type Refusal } from '../http/reach.js';

export function refuseUserWrite(u: SessionUser, op: WriteOp, existing?: User): Refusal {
  const byRole = refuseWrite(u, 'users', op);
  if (byRole) return byRole;
  if (existing && isOperator(existing.role) && !isOperator(u.role)) return operatorOnly();
  if (existing?.id === u.id && op === 'delete')
    return new DomainError(
      'CannotDeleteSelf',
      {},
      { message: 'You cannot delete your own account: ask another administrator.' },
    );
  if (u.role === 'supervisor' && existing && existing.role !== 'agent') return adminOnly();
  return undefined;
}

/** Only the fields the body names are written; the rules read the stored value for the rest. */
export async function userRow(
  db: Db,
  u: SessionUser,
  body: Record<string, unknown>,
  existing?: User,
): Promise<Record<string, unknown>> {
  const { password, ...row } = body;
  const role = (row.role ?? existing?.role ?? 'agent') as User['role'];
  const changesRole = row.role !== undefined && row.role !== (existing?.role ?? 'agent');
  if (changesRole && (isOperator(role) || isOperator(existing?.role)) && !isOperator(u.role))
    throw operatorOnly('role');
  if (changesRole && !hasAdminRights(u.role)) throw adminOnly('role');
  if (existing?.id === u.id && row.role !== undefined && row.role !== existing.role) {
    throw new DomainError(
      'CannotChangeOwnRole',
      {},
      { message: 'You cannot change your own role: another administrator must do it.', field: 'role' },
    );
  }
  if (existing?.id === u.id && row.active === false) {
    throw new DomainError(
      'CannotDeactivateSelf',
      {},
      { message: 'You cannot deactivate yourself: another administrator must do it.', field: 'active' },
    );
  }
  // A supervisor's new agents belong to the supervisor's branch unless told otherwise.
  if (!existing && row.branchId === undefined && u.branchId !== null) row.branchId = u.branchId;
  const branchId = (row.branchId !== undefined ? row.branchId : (existing?.branchId ?? null)) as number | null;
  if (row.branchId !== undefined && row.branchId !== null) await assertBranch(db, u, row.branchId as number);
  if (row.branchId === null && !hasAdminRights(u.role)) throw adminOnly('branchId');
  if (role === 'agent' && branchId === null)
    throw new DomainError('AgentNeedsBranch', {}, { message: 'An agent needs a branch.', field: 'branchId' });
  if (typeof password === 'string') row.passwordHash = await hashPassword(password);
  if (!existing) row.entityId = u.entityId;
  return row;
}
