// Tenancy (H7) in one place: which branches a user reaches, and the checks that a referenced
// row is inside that reach. Rows outside it answer "unknown" (400 on a body field, 404 on a
// path id) so that other entities' ids are never disclosed.
import type { Knex } from 'knex';
import type { Db } from '../../db/knex.js';
import { DomainError } from '../../domain/errors.js';
import type { SessionUser } from '../auth/sessions.js';

/** Admins and branch-less supervisors reach the whole entity; everyone else, their branch. */
export const reachesWholeEntity = (u: SessionUser): boolean => u.role === 'admin' || u.branchId === null;

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
export function inReach(column: string, u: SessionUser, via: 'branch' | 'service' = 'branch'): [string, (string | number | null)[]] {
  const branches = reachesWholeEntity(u) ? 'select id from branches where entity_id = ?' : 'select id from branches where entity_id = ? and id = ?';
  const bindings = reachesWholeEntity(u) ? [u.entityId] : [u.entityId, u.branchId];
  const sql = via === 'branch' ? branches : `select id from services where branch_id in (${branches})`;
  return [`?? in (${sql})`, [column, ...bindings]];
}

/** Staff who may change configuration: admins anywhere, supervisors within their reach. */
export const configures = (u: SessionUser): boolean => u.role === 'admin' || u.role === 'supervisor';

/** Entity-level configuration (priorities, break caps): admins and branch-less supervisors. */
export const configuresEntity = (u: SessionUser): boolean => u.role === 'admin' || (u.role === 'supervisor' && u.branchId === null);

const unknown = (field: string, what: string) => new DomainError('Validation', `Unknown ${what}: pick one of your ${what === 'branch' ? 'branches' : `${what}s`}.`, { field });

export async function assertBranch(db: Db, u: SessionUser, branchId: number, field = 'branchId'): Promise<void> {
  const row = await db('branches').whereIn('id', branchesOf(db, u)).andWhere('id', branchId).first('id');
  if (!row) throw unknown(field, 'branch');
}

/** Returns the branch of a department the user reaches. */
export async function branchOfDepartment(db: Db, u: SessionUser, departmentId: number, field = 'departmentId'): Promise<number> {
  const row = await db('departments').whereIn('branch_id', branchesOf(db, u)).andWhere('id', departmentId).first('branch_id');
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

export const AGENTS_CANNOT_CONFIGURE = 'Agents cannot change configuration: ask a supervisor.';
export const ADMIN_ONLY = 'Only an administrator of the entity can do this.';

/** The common rule for branch-level configuration: supervisors and admins, within reach. */
export const refuseUnlessConfigures = (u: SessionUser): string | undefined => (configures(u) ? undefined : AGENTS_CANNOT_CONFIGURE);
/** Entity-level configuration: admins and branch-less supervisors. */
export const refuseUnlessConfiguresEntity = (u: SessionUser): string | undefined =>
  configuresEntity(u) ? undefined : u.role === 'agent' ? AGENTS_CANNOT_CONFIGURE : 'This is entity-wide configuration: ask an administrator.';
