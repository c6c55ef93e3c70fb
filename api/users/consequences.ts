// Rights are taken away at once (issue 13). Deactivating a user or changing their role ends
// every session they have, in every API process, and so disconnects their sockets; an agent
// leaving the desk that way first hands back their customer (release.ts). A new password set
// here ends their sessions too (all but the current one when it is one's own). Any change of
// reach (branch, deletion) makes their sockets re-check their rooms.
import type { User } from '../../db/models/user.js';
import { tokenOf } from '../auth/middleware.js';
import { announceUserChanged, endUserSessions } from '../auth/sessions.js';
import type { ApiDeps } from '../deps.js';
import type { CrudResource } from '../http/crud.js';
import { releaseAgent } from './release.js';

type Row = Record<string, unknown>;

const deactivates = (existing: User, row: Row) => existing.active && row.active === false;
const changesRole = (existing: User, row: Row) => row.role !== undefined && row.role !== existing.role;
const changesBranch = (existing: User, row: Row) => row.branchId !== undefined && row.branchId !== existing.branchId;

export function userConsequences(
  deps: Pick<ApiDeps, 'db' | 'temporal' | 'taskQueue'>,
): NonNullable<CrudResource<User>['consequences']> {
  return {
    async before(u, op, existing, row) {
      if (op === 'update' && existing.role === 'agent' && (deactivates(existing, row) || changesRole(existing, row))) {
        await releaseAgent(deps, u, existing);
      }
    },
    async after(u, op, existing, row, req) {
      if (op === 'delete') return announceUserChanged(deps.db, existing.id); // its sessions went with it
      if (deactivates(existing, row) || changesRole(existing, row)) {
        await endUserSessions(deps.db, existing.id);
      } else if (typeof row.passwordHash === 'string') {
        await endUserSessions(deps.db, existing.id, existing.id === u.id ? tokenOf(req) : undefined);
      } else if (changesBranch(existing, row)) {
        await announceUserChanged(deps.db, existing.id);
      }
    },
  };
}
