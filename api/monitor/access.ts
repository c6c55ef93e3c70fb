// Who may watch a branch (H4) or read its reports (H3): supervisors within their reach and
// admins of the entity. Agents never; another entity's branch is "not found".
import type { Db } from '../../db/knex.js';
import { DomainError } from '../../domain/errors.js';
import type { SessionUser } from '../auth/sessions.js';
import { reachesWholeEntity } from '../http/reach.js';
import type { WatchedBranch } from '../../domain/contracts/monitor.js';
import type { OrderingPolicy } from '../../domain/ordering.js';

export function requireBackOffice(u: SessionUser): void {
  if (u.role === 'agent') throw new DomainError('BackOfficeStaffOnly');
}

export type BranchInfo = WatchedBranch;

export async function loadWatchedBranch(db: Db, u: SessionUser, branchId: number): Promise<BranchInfo> {
  requireBackOffice(u);
  const b: { id: number; name: string; code: string; timezone: string; ordering_policy: OrderingPolicy } | undefined =
    await db('branches')
      .where({ id: branchId, entity_id: u.entityId })
      .first('id', 'name', 'code', 'timezone', 'ordering_policy');
  if (!b) throw new DomainError('NotFound', { resource: 'branches' });
  // Within the entity (above), what branchesOf reaches: all of it, or the user's own branch.
  if (!reachesWholeEntity(u) && u.branchId !== b.id) throw new DomainError('OtherBranch');
  return { id: b.id, name: b.name, code: b.code, timezone: b.timezone, orderingPolicy: b.ordering_policy };
}
