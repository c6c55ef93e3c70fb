// Session cookie auth on /api/auth. The back office is for supervisors and admins. An agent is
// refused (BackOfficeStaffOnly) without ever ending anything: the API refuses her back-office
// login before making a session, and this provider never calls /api/auth/logout — which ends
// the caller's shift (F1) — for an agent's session, e.g. her console's, whose cookie it shares.
import type { SessionUser } from '@domain/contracts/resources';
import { isRightsResource, mayWrite, type WriteOp } from '@domain/config-rights';
import { HttpError, type AuthProvider } from 'react-admin';
import { API, httpClient } from './dataProvider';
import { logIn, type Credentials } from './login/session';

/** react-admin's actions that write, as the API's rights name them (clone: a create from a copy). */
const WRITES: Record<string, WriteOp> = { create: 'create', clone: 'create', edit: 'update', delete: 'delete' };

/** The refusal as react-admin shows it: the message is the translation key. */
const staffOnly = () =>
  new HttpError('errors.BackOfficeStaffOnly', 403, { error: 'Forbidden', code: 'BackOfficeStaffOnly', params: {} });

export function createAuthProvider(): AuthProvider & { me(): Promise<SessionUser> } {
  let cached: Promise<SessionUser> | undefined;
  const me = (): Promise<SessionUser> => {
    cached ??= httpClient(`${API}/auth/me`)
      .then(({ json }) => json as SessionUser)
      .catch((err: unknown) => {
        cached = undefined;
        throw err;
      });
    return cached;
  };
  /** Who holds the cookie now, if anyone. */
  const current = (): Promise<SessionUser | undefined> => me().catch(() => undefined);

  return {
    me,
    /** `entity` (a slug) answers ChooseEntity: the same e-mail and password open users of several entities. */
    async login(credentials: Credentials) {
      cached = undefined;
      await logIn(credentials);
      // The API refused agents above; this guards against an older API, and still ends nothing.
      if ((await me()).role === 'agent') throw staffOnly();
    },
    async logout() {
      // react-admin also calls this after a refused checkAuth: an agent's session (her console's)
      // is left alone, and with it her shift.
      const user = await current();
      cached = undefined;
      if (user && user.role !== 'agent') await httpClient(`${API}/auth/logout`, { method: 'POST' });
    },
    async checkAuth() {
      if ((await me()).role === 'agent') throw staffOnly();
    },
    async checkError(error: unknown) {
      if (error instanceof HttpError && error.status === 401) {
        cached = undefined;
        throw error;
      }
    },
    async getPermissions() {
      return (await me()).role;
    },
    /**
     * Issue 19: react-admin offers Create, Edit and Delete only where the user's role may do them
     * (domain/config-rights.ts, the API's own table); reading is left to the API's reach.
     */
    async canAccess({ action, resource }: { action: string; resource: string }) {
      const op = WRITES[action];
      if (!op || !isRightsResource(resource)) return true;
      const u = await me();
      return mayWrite({ role: u.role, branchId: u.branchId }, resource, op);
    },
    async getIdentity() {
      const u = await me();
      return { id: u.id, fullName: `${u.firstName} ${u.lastName}`, email: u.email, role: u.role, branchId: u.branchId };
    },
  };
}
