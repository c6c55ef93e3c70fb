// Who is logged in, from GET /api/auth/me (the cookie is httpOnly: the server is the truth).
import type { SessionUser } from '@domain/contracts/resources';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import { keys, meQuery } from '../api/queries';

interface Session {
  /** undefined while asking; null when nobody is logged in. */
  user: SessionUser | null | undefined;
  refresh(): Promise<void>;
  signOut(): Promise<void>;
}

export function useSession(): Session {
  const client = useQueryClient();
  const { data: user } = useQuery(meQuery);
  return {
    user,
    refresh: () => client.invalidateQueries({ queryKey: keys.me }),
    async signOut() {
      await api.post('/auth/logout');
      client.setQueryData(keys.me, null);
      // The next person at this browser must not see the last one's shift, tickets or profile.
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== keys.me[0] });
    },
  };
}

export function useUser(): SessionUser {
  const { user } = useSession();
  if (!user) throw new Error('useUser needs a logged-in user');
  return user;
}
