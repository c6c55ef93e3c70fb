// Who is logging in. A staff e-mail is unique within its entity only (migration 013), so one
// address may name users of several entities: the password is checked against each of them (in
// parallel, so the time taken says little about how many there are) and the one it opens is
// the user. The same person with the same password in two entities is asked which one
// (ChooseEntity, naming only the entities that password opens); `entity` (a slug) says it.
import { z } from 'zod';
import type { Db } from '../../db/knex.js';
import type { Role } from '../../domain/agents.js';
import { DomainError } from '../../domain/errors.js';
import { text } from '../../domain/text.js';
import { Email } from '../users/schemas.js';
import type { LoginAttempt } from './limiter.js';
import { verifyPassword } from '../../platform/passwords.js';

export const LoginBody = z.object({
  email: Email,
  // Only compared with the stored hash, never stored: any string up to the limit.
  password: z.string().min(1).max(200),
  /** The entity's slug, when the same e-mail and password open users of several entities. */
  entity: text({ max: 60, min: 1 }).optional(),
  /** API clients that cannot keep cookies ask for the token in the body. */
  tokenInBody: z.boolean().optional(),
  /**
   * The back office logs in with this: an agent is refused before any session is made, so the
   * cookie of her console (and her shift) stay exactly as they were.
   */
  backOffice: z.boolean().optional(),
});
export type LoginBody = z.infer<typeof LoginBody>;

/** More users than this under one e-mail is not a person working for several entities. */
const MAX_CANDIDATES = 5;
/** Checked when nobody has the e-mail, so that answer takes as long as a wrong password. */
const NOBODY = '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$0000000000000000000000000000000000000000000';

/** The user the e-mail and password open; the attempt is settled either way. */
export async function findLoginUser(
  db: Db,
  body: LoginBody,
  attempt: LoginAttempt,
): Promise<{ id: number; role: Role }> {
  const q = db('users as u')
    .join('entities as e', 'e.id', 'u.entity_id')
    .whereRaw('lower(u.email) = ?', [body.email])
    .andWhere('u.active', true);
  if (body.entity) q.andWhere('e.slug', body.entity);
  const candidates = (await q
    .orderBy('u.id')
    .limit(MAX_CANDIDATES)
    .select('u.id', 'u.role', 'u.password_hash', 'e.slug', 'e.name')) as {
    id: number;
    role: Role;
    password_hash: string;
    slug: string;
    name: string;
  }[];
  const checks = await Promise.all(
    candidates.length
      ? candidates.map((c) => verifyPassword(c.password_hash, body.password))
      : [verifyPassword(NOBODY, body.password)],
  );
  const opened = candidates.filter((_c, i) => checks[i]);
  if (!opened.length) {
    await attempt.failed();
    throw new DomainError('BadCredentials', {}, { message: 'E-mail or password is wrong.' });
  }
  await attempt.succeeded();
  if (opened.length > 1) {
    throw new DomainError(
      'ChooseEntity',
      { entities: opened.map((c) => ({ slug: c.slug, name: c.name })) },
      { message: 'This e-mail and password open several entities: say which one (entity).' },
    );
  }
  return { id: opened[0]!.id, role: opened[0]!.role };
}
