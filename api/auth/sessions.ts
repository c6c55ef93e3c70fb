// Server-side sessions: the cookie carries a random id; only its SHA-256 is stored, so a leaked
// sessions table grants nothing. The table is the one shared truth of every API process: a
// session ends by deleting its row and announcing it (pg NOTIFY), and each process disconnects
// the sockets it holds for it (api/realtime/socket.ts).
import { createHash, randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import type { Db } from '../../db/knex.js';
import { announce } from '../../db/announce.js';
import type { SessionUser } from '../../domain/contracts/resources.js';

export const SESSION_COOKIE = 'vt_session';
export const SESSION_TTL_MS = 12 * 3600 * 1000; // one working day

/** Who a request acts as: domain/contracts/resources.ts SessionUser (GET /api/auth/me). */
export type { SessionUser };

/** What the sessions table stores (and socket rooms are named by) for a token. */
export const sessionHash = (token: string): string => createHash('sha256').update(token).digest('hex');

export async function createSession(db: Db, userId: number): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db('sessions').insert({
    id_hash: sessionHash(token),
    user_id: userId,
    expires_at: new Date(Date.now() + SESSION_TTL_MS),
  });
  return token;
}

/** The live sessions among `hashes`, with their user as it is now (only active users). */
export async function sessionUsers(db: Db, hashes: string[]): Promise<Map<string, SessionUser>> {
  if (!hashes.length) return new Map();
  const rows = await db('sessions as s')
    .join('users as u', 'u.id', 's.user_id')
    .whereIn('s.id_hash', hashes)
    .andWhere('s.expires_at', '>', db.fn.now())
    .andWhere('u.active', true)
    .select('s.id_hash', 'u.id', 'u.entity_id', 'u.branch_id', 'u.role', 'u.email', 'u.first_name', 'u.last_name');
  return new Map(
    rows.map((r) => [
      r.id_hash as string,
      {
        id: r.id,
        entityId: r.entity_id,
        branchId: r.branch_id,
        role: r.role,
        email: r.email,
        firstName: r.first_name,
        lastName: r.last_name,
      } satisfies SessionUser,
    ]),
  );
}

export async function findSessionUserByHash(db: Db, hash: string): Promise<SessionUser | null> {
  return (await sessionUsers(db, [hash])).get(hash) ?? null;
}

export const findSessionUser = (db: Db, token: string): Promise<SessionUser | null> =>
  findSessionUserByHash(db, sessionHash(token));

async function endSessions(trx: Knex.Transaction, gone: { id_hash: string }[]): Promise<number> {
  for (const { id_hash } of gone) await announce(trx, { kind: 'session_ended', sessionHash: id_hash });
  return gone.length;
}

/** Ends a session; its live sockets are disconnected too. */
export async function destroySession(db: Db, token: string): Promise<void> {
  await db.transaction(async (trx) =>
    endSessions(
      trx,
      await trx('sessions')
        .where({ id_hash: sessionHash(token) })
        .delete()
        .returning('id_hash'),
    ),
  );
}

/**
 * Ends a user's sessions, every one or all but `keepToken` (the request that changed their own
 * password), and disconnects their sockets in every API process. Returns how many ended.
 */
export async function endUserSessions(db: Db, userId: number, keepToken?: string): Promise<number> {
  return db.transaction(async (trx) => {
    const q = trx('sessions').where({ user_id: userId });
    if (keepToken) q.whereNot({ id_hash: sessionHash(keepToken) });
    const n = await endSessions(trx, await q.delete().returning('id_hash'));
    await announce(trx, { kind: 'user_changed', userId });
    return n;
  });
}

/** After a password change: every other session of the user ends; the current one stays. */
export const revokeOtherSessions = (db: Db, userId: number, keepToken: string): Promise<number> =>
  endUserSessions(db, userId, keepToken);

/** A user's reach changed (branch, deletion): their sockets re-check their rooms. */
export async function announceUserChanged(db: Db, userId: number): Promise<void> {
  await announce(db, { kind: 'user_changed', userId });
}
