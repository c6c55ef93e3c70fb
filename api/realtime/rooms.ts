// Rooms are named by globally unique ids (branch:3, user:7), so a socket of one entity never
// shares a room with another's.
import type { SessionUser } from '../auth/sessions.js';
import { reachesWholeEntity } from '../http/reach.js';

export const rooms = {
  /** Staff who watch a whole entity: admins, and supervisors without a branch. */
  entityWide: (id: unknown) => `entity:${String(id)}`,
  branch: (id: unknown) => `branch:${String(id)}`,
  user: (id: unknown) => `user:${String(id)}`,
  ticket: (id: unknown) => `ticket:${String(id)}`,
  publicBranch: (id: unknown) => `public:${String(id)}`,
  session: (hash: unknown) => `session:${String(hash)}`,
};

/** The room a user's rights put them in: their whole entity, or their branch. */
export const scopeRoom = (u: SessionUser): string =>
  reachesWholeEntity(u) ? rooms.entityWide(u.entityId) : rooms.branch(u.branchId);

/** What a staff socket carries: who it is for, and the session it was opened with. */
export interface StaffData {
  user: SessionUser;
  sessionHash: string;
}
