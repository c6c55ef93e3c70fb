// Session cookie auth on /api/auth. The back office is for supervisors and admins: an agent's
// login is undone at once and refused with a clear message.
import { HttpError, type AuthProvider } from 'react-admin';
import { API, httpClient } from './dataProvider';
import { closeLive } from './shared/live';

export interface Me {
  id: number;
  entityId: number;
  branchId: number | null;
  role: 'agent' | 'supervisor' | 'admin';
  email: string;
  firstName: string;
  lastName: string;
}

const AGENTS_REFUSED = 'ventanilla.auth.agents_refused';

export function createAuthProvider(): AuthProvider & { me(): Promise<Me> } {
  let cached: Promise<Me> | undefined;
  /** Set when an agent's existing session (e.g. from the console, same cookie) reached the back
   * office: it is refused here but not ended, so the agent's console keeps working. */
  let foreignAgentSession = false;
  const me = (): Promise<Me> => {
    cached ??= httpClient(`${API}/auth/me`).then(({ json }) => json as Me).catch((err: unknown) => {
      cached = undefined;
      throw err;
    });
    return cached;
  };
  const endSession = async () => {
    cached = undefined;
    closeLive();
    await httpClient(`${API}/auth/logout`, { method: 'POST' });
  };

  return {
    me,
    async login({ username, password }: { username: string; password: string }) {
      cached = undefined;
      foreignAgentSession = false;
      await httpClient(`${API}/auth/login`, { method: 'POST', body: JSON.stringify({ email: username, password }) });
      const user = await me();
      if (user.role === 'agent') {
        await endSession(); // the session this form just opened
        throw new Error(AGENTS_REFUSED);
      }
    },
    async logout() {
      if (foreignAgentSession) {
        cached = undefined;
        return;
      }
      await endSession();
    },
    async checkAuth() {
      const user = await me();
      if (user.role === 'agent') {
        foreignAgentSession = true;
        throw new Error(AGENTS_REFUSED);
      }
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
    async getIdentity() {
      const u = await me();
      return { id: u.id, fullName: `${u.firstName} ${u.lastName}`, email: u.email, role: u.role, branchId: u.branchId };
    },
  };
}
