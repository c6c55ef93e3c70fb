// Who is logged in, from GET /api/auth/me (the cookie is httpOnly: the server is the truth).
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { api, ApiError } from '../api/client';
import type { SessionUser } from '../api/types';

interface Session { user: SessionUser | null | undefined; refresh(): Promise<void>; signOut(): Promise<void> }
const Ctx = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<SessionUser | null>();
  const refresh = useCallback(async () => {
    try {
      setUser(await api.get<SessionUser>('/auth/me'));
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) setUser(null);
      else throw err;
    }
  }, []);
  const signOut = useCallback(async () => {
    await api.post('/auth/logout');
    setUser(null);
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  return <Ctx.Provider value={{ user, refresh, signOut }}>{children}</Ctx.Provider>;
}

export function useSession(): Session {
  const v = useContext(Ctx);
  if (!v) throw new Error('useSession outside SessionProvider');
  return v;
}

export function useUser(): SessionUser {
  const { user } = useSession();
  if (!user) throw new Error('useUser needs a logged-in user');
  return user;
}
