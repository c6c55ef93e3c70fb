// The session requests the login needs, over plain fetch: the login page renders before
// react-admin is downloaded (main.tsx), and the authProvider logs in through this same function.
import type { SessionUser } from '@domain/contracts/resources';

export interface Credentials {
  username: string;
  password: string;
  /** A slug, answering ChooseEntity: the same e-mail and password open users of several entities. */
  entity?: string;
}

/** A refusal of the API, shaped as shared/refusal.ts reads it (status and the API's body). */
export class Refused extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`HTTP ${status}`);
  }
}

async function json(path: string, init?: RequestInit): Promise<unknown> {
  const res = await fetch(`/api${path}`, {
    ...init,
    credentials: 'include',
    headers: { Accept: 'application/json', ...(init?.body ? { 'Content-Type': 'application/json' } : {}) },
  });
  const body: unknown = await res.json().catch(() => undefined);
  if (!res.ok) throw new Refused(res.status, body);
  return body;
}

/** Opens a back-office session; the API refuses agents (BackOfficeStaffOnly) before making one. */
export async function logIn({ username, password, entity }: Credentials): Promise<void> {
  await json('/auth/login', {
    method: 'POST',
    body: JSON.stringify({ email: username, password, entity, backOffice: true }),
  });
}

/** Who holds the session cookie, or undefined when nobody does (401). Other failures throw. */
export async function currentUser(): Promise<SessionUser | undefined> {
  try {
    return (await json('/auth/me')) as SessionUser;
  } catch (err) {
    if (err instanceof Refused && err.status === 401) return undefined;
    throw err;
  }
}

/** The refusal an agent's session (her console's cookie) meets here, as the API words it. */
export const staffOnly = () => new Refused(403, { error: 'Forbidden', code: 'BackOfficeStaffOnly', params: {} });
