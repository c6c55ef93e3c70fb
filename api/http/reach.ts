// Tenancy (H7) in one place: which branches a user reaches, and the checks that a referenced
// row is inside that reach. Rows outside it answer `unknown_reference` (400 on a body field, 404
// on a path id) so that other entities' ids are never disclosed.
import type { Knex } from 'knex';
import type { Db } from '../../db/knex.js';
import { hasAdminRights } from '../../domain/agents.js';
import { DomainError, type FieldCode } from '../../domain/errors.js';
import {
  configures,
  configuresEntity,
  mayWrite,
  WRITE_RIGHTS,
  type RightsResource,
  type WriteOp,
} from '../../domain/config-rights.js';
import type { SessionUser } from '../auth/sessions.js';

/** Admins (operators too) and branch-less supervisors reach the whole entity; everyone else, their branch. */
export const reachesWholeEntity = (u: SessionUser): boolean => hasAdminRights(u.role) || u.branchId === null;

/** Subquery of the branch ids the user reaches. */
export function branchesOf(db: Db, u: SessionUser): Knex.QueryBuilder {
  const q = db('branches').select('id').where('entity_id', u.entityId);
  if (!reachesWholeEntity(u)) q.where('id', u.branchId);
  return q;
}

/**
 * `column in (branches the user reaches)` as whereRaw arguments; usable on knex and objection
 * builders alike (their subquery types do not mix).
 */
export function inReach(
  column: string,
  u: SessionUser,
  via: 'branch' | 'service' = 'branch',
): [string, (string | number | null)[]] {
  const branches = reachesWholeEntity(u)
    ? 'select id from branches where entity_id = ?'
    : 'select id from branches where entity_id = ? and id = ?';
  const bindings = reachesWholeEntity(u) ? [u.entityId] : [u.entityId, u.branchId];
  const sql = via === 'branch' ? branches : `select id from services where branch_id in (${branches})`;
  return [`?? in (${sql})`, [column, ...bindings]];
}

/** Who configures what: domain/config-rights.ts, shared with the back office's buttons. */
export { configures, configuresEntity };

/** A body field refused with a field code (the whole answer is a 400 Validation). */
export const fieldRefusal = (field: string, code: FieldCode, message: string): DomainError =>
  new DomainError('Validation', {}, { message, fields: { [field]: { code } } });

const unknown = (field: string, what: string) =>
  fieldRefusal(field, 'unknown_reference', `Unknown ${what}: pick one within your reach.`);

/** Two references that must share a branch (a service and its agent, a topic's new service…). */
export const otherBranch = (field: string) => fieldRefusal(field, 'other_branch', 'This belongs to another branch.');

export async function assertBranch(db: Db, u: SessionUser, branchId: number, field = 'branchId'): Promise<void> {
  const row = await db('branches').whereIn('id', branchesOf(db, u)).andWhere('id', branchId).first('id');
  if (!row) throw unknown(field, 'branch');
}

/** Returns the branch of a department the user reaches. */
export async function branchOfDepartment(
  db: Db,
  u: SessionUser,
  departmentId: number,
  field = 'departmentId',
): Promise<number> {
  const row = await db('departments')
    .whereIn('branch_id', branchesOf(db, u))
    .andWhere('id', departmentId)
    .first('branch_id');
  if (!row) throw unknown(field, 'department');
  return row.branch_id as number;
}

/** Returns the branch of a service the user reaches. */
export async function branchOfService(db: Db, u: SessionUser, serviceId: number, field = 'serviceId'): Promise<number> {
  const row = await db('services').whereIn('branch_id', branchesOf(db, u)).andWhere('id', serviceId).first('branch_id');
  if (!row) throw unknown(field, 'service');
  return row.branch_id as number;
}

/** Returns the branch (possibly null) of a user of the same entity within reach. */
export async function branchOfUser(db: Db, u: SessionUser, userId: number, field = 'userId'): Promise<number | null> {
  const q = db('users').where({ id: userId, entity_id: u.entityId });
  if (!reachesWholeEntity(u)) q.andWhere('branch_id', u.branchId);
  const row = await q.first('branch_id');
  if (!row) throw unknown(field, 'user');
  return row.branch_id as number | null;
}

export async function assertCustomer(db: Db, u: SessionUser, customerId: number, field = 'customerId'): Promise<void> {
  const row = await db('customers').where({ id: customerId, entity_id: u.entityId }).first('id');
  if (!row) throw unknown(field, 'customer');
}

/** Why a write is refused (403), or undefined when it is allowed. */
export type Refusal = DomainError | undefined;

export const agentsCannotConfigure = (): DomainError =>
  new DomainError(
    'RoleRequired',
    { roles: ['supervisor', 'admin'] },
    { message: 'Agents cannot change configuration: ask a supervisor.' },
  );
export const adminOnly = (field?: string): DomainError =>
  new DomainError(
    'AdminOnly',
    {},
    { message: 'Only an administrator of the entity can do this.', ...(field ? { field } : {}) },
  );
/** Platform-level rights (issue 13, G7): the operator role, operators' accounts, the Temporal Web UI. */
export const operatorOnly = (field?: string): DomainError =>
  new DomainError(
    'OperatorOnly',
    {},
    { message: 'Only a platform operator can do this.', ...(field ? { field } : {}) },
  );
/** An admin's rights in the user's entity (operators hold them too). */
export const refuseUnlessAdmin = (u: SessionUser): Refusal => (hasAdminRights(u.role) ? undefined : adminOnly());

/** The common rule for branch-level configuration: supervisors and admins, within reach. */
export const refuseUnlessConfigures = (u: SessionUser): Refusal =>
  configures(u) ? undefined : agentsCannotConfigure();
/** Entity-level configuration: admins and branch-less supervisors. */
export const refuseUnlessConfiguresEntity = (u: SessionUser): Refusal => {
  if (configuresEntity(u)) return undefined;
  if (u.role === 'agent') return agentsCannotConfigure();
  return new DomainError(
    'RoleRequired',
    { roles: ['admin'] },
    { message: 'This is entity-wide configuration: ask an administrator.' },
  );
};

/** The refusal WRITE_RIGHTS gives `u` for `op` on `resource` (undefined: allowed), in its rule's words. */
export function refuseWrite(u: SessionUser, resource: RightsResource, op: WriteOp): Refusal {
  if (mayWrite(u, resource, op)) return undefined;
  const who = WRITE_RIGHTS[resource][op] as string;
  if (who === 'nobody')
    return new DomainError('NotWritable', { resource }, { message: `${resource}: no ${op} through the API.` });
  if (who === 'admin') return u.role === 'agent' ? agentsCannotConfigure() : adminOnly();
  return who === 'entity' ? refuseUnlessConfiguresEntity(u) : agentsCannotConfigure();
}
