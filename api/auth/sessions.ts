// Server-side sessions: the cookie carries a random id; only its SHA-256 is stored, so a leaked
// sessions table grants nothing.
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../db/knex.js';
import type { Role } from '../../domain/agents.js';
import { announce } from '../realtime/events.js';

export const SESSION_COOKIE = 'vt_session';
export const SESSION_TTL_MS = 12 * 3600 * 1000; // one working day

export interface SessionUser {
  id: number;
  entityId: number;
  branchId: number | null;
  role: Role;
  email: string;
  firstName: string;
  lastName: string;
}

const digest = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(db: Db, userId: number): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db('sessions').insert({ id_hash: digest(token), user_id: userId, expires_at: new Date(Date.now() + SESSION_TTL_MS) });
  return token;
}

export async function findSessionUser(db: Db, token: string): Promise<SessionUser | null> {
  const row = await db('sessions as s').join('users as u', 'u.id', 's.user_id')
    .where('s.id_hash', digest(token)).andWhere('s.expires_at', '>', db.fn.now()).andWhere('u.active', true)
    .first('u.id', 'u.entity_id', 'u.branch_id', 'u.role', 'u.email', 'u.first_name', 'u.last_name');
  if (!row) return null;
  return { id: row.id, entityId: row.entity_id, branchId: row.branch_id, role: row.role, email: row.email, firstName: row.first_name, lastName: row.last_name };
}

/** Ends a session; its live sockets are disconnected too (see api/realtime/socket.ts). */
export async function destroySession(db: Db, token: string): Promise<void> {
  await db.transaction(async (trx) => {
    const gone = await trx('sessions').where({ id_hash: digest(token) }).delete().returning('id_hash');
    for (const { id_hash } of gone) await announce(trx, { kind: 'session_ended', sessionHash: id_hash });
  });
}

/** After a password change: every other session of the user ends; the current one stays. */
export async function revokeOtherSessions(db: Db, userId: number, keepToken: string): Promise<number> {
  return db.transaction(async (trx) => {
    const gone = await trx('sessions').where({ user_id: userId }).whereNot({ id_hash: digest(keepToken) }).delete().returning('id_hash');
    for (const { id_hash } of gone) await announce(trx, { kind: 'session_ended', sessionHash: id_hash });
    return gone.length;
  });
}
