// Password hashing, shared by the API (log-in, profile, users) and the demo seed in db/.
import { hash, verify } from '@node-rs/argon2';

// argon2id with the library's defaults (19 MiB, t=2): OWASP's minimum recommendation.
export const hashPassword = (plain: string): Promise<string> => hash(plain);
export const verifyPassword = (stored: string, plain: string): Promise<boolean> =>
  verify(stored, plain).catch(() => false);
