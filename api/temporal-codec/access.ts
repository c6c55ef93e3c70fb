// Who reads which payloads through the codec endpoint (issue 13, G7): the operator credential,
// and an operator's session, read every entity's; any other staff member (session cookie, or
// session bearer token) reads only her own entity's, and only in this deployment's namespace.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import { isOperator } from '../../domain/agents.js';
import { DomainError } from '../../domain/errors.js';
import type { Db } from '../../db/knex.js';
import { tokenOf } from '../auth/middleware.js';
import { findSessionUser } from '../auth/sessions.js';

export type Reader = { kind: 'operator' } | { kind: 'staff'; entityId: number; namespace: string };

const digest = (s: string) => createHash('sha256').update(s).digest();
/** Compares digests, so neither the length nor the content leaks through timing. */
const sameSecret = (a: string, b: string) => timingSafeEqual(digest(a), digest(b));

export async function readerOf(req: Request, db: Db, operatorToken: string | undefined): Promise<Reader> {
  const token = tokenOf(req);
  if (!token)
    throw new DomainError(
      'LoginRequired',
      {},
      { message: 'Log in to the back office, or send the operator credential.' },
    );
  if (operatorToken && req.headers.authorization?.startsWith('Bearer ') && sameSecret(token, operatorToken))
    return { kind: 'operator' };
  const user = await findSessionUser(db, token);
  if (!user) throw new DomainError('SessionExpired', {}, { message: 'Your session has expired: log in again.' });
  if (isOperator(user.role)) return { kind: 'operator' };
  return { kind: 'staff', entityId: user.entityId, namespace: String(req.headers['x-namespace'] ?? '') };
}

/** Which payload entities a reader may see in clear (undefined: an unlabelled payload). */
export function mayRead(reader: Reader, namespace: string): (entity: number | undefined) => boolean {
  if (reader.kind === 'operator') return () => true;
  // Entity ids mean something only in this deployment's namespace.
  if (reader.namespace && reader.namespace !== namespace) return () => false;
  return (entity) => entity === reader.entityId;
}
