// A socket is authenticated once, at connection; sessions expire later. Every minute the staff
// sockets whose session has expired (or vanished) are disconnected, so a stale tab stops
// receiving the entity's live events. Log-out and password changes disconnect at once
// (session_ended events); this catches plain expiry.
import type { Namespace } from 'socket.io';
import type { Db } from '../../db/knex.js';
import type { Logger } from '../../runtime/logger.js';

export function disconnectExpired(staff: Namespace, db: Db, log: Logger, everyMs = 60_000): () => void {
  const check = async () => {
    const sockets = [...staff.sockets.values()];
    const hashes = [...new Set(sockets.map((s) => s.data.sessionHash as string))];
    if (!hashes.length) return;
    const live = new Set((await db('sessions').whereIn('id_hash', hashes).andWhere('expires_at', '>', db.fn.now()).pluck('id_hash')) as string[]);
    for (const s of sockets) if (!live.has(s.data.sessionHash as string)) s.disconnect(true);
  };
  const timer = setInterval(() => {
    check().catch((err: unknown) => log.warn({ err }, 'session expiry check failed; retrying next minute'));
  }, everyMs);
  timer.unref(); // never the reason the process stays up
  return () => clearInterval(timer);
}
