// A socket is authenticated once, at connection, but its rights are checked at every use
// (issue 13): before each event it handles, when its user changes (role, branch, activity: the
// user_changed and session_ended events every API process hears), and every minute for all
// sockets (expiry, and anything a lost notification missed). A socket whose session or user is
// gone is disconnected; one whose reach changed leaves the rooms it no longer may hear.
import type { DefaultEventsMap, Namespace, Socket } from 'socket.io';
import type { Db } from '../../db/knex.js';
import type { Logger } from '../../platform/logger.js';
import { sessionUsers, type SessionUser } from '../auth/sessions.js';
import { reachesWholeEntity } from '../http/reach.js';
import { rooms, scopeRoom, type StaffData } from './rooms.js';

export type StaffSocket = Socket<DefaultEventsMap, DefaultEventsMap, DefaultEventsMap, StaffData>;
export type StaffNamespace = Namespace<DefaultEventsMap, DefaultEventsMap, DefaultEventsMap, StaffData>;

/** Whether the user may see this ticket: its entity, and its branch unless they reach the whole entity. */
export async function seesTicket(db: Db, u: SessionUser, ticketId: string): Promise<boolean> {
  const q = db('tickets').where({ id: ticketId, entity_id: u.entityId });
  if (!reachesWholeEntity(u)) q.andWhere('branch_id', u.branchId);
  return (await q.first('id')) !== undefined;
}

/** Moves a socket to the rooms `now` (the user as stored now) may hear; null disconnects it. */
async function apply(db: Db, socket: StaffSocket, now: SessionUser | null): Promise<SessionUser | null> {
  if (!now) {
    socket.disconnect(true);
    return null;
  }
  const before = socket.data.user;
  socket.data.user = now;
  if (scopeRoom(before) !== scopeRoom(now)) {
    await socket.leave(scopeRoom(before));
    await socket.join(scopeRoom(now));
  }
  if (before.entityId !== now.entityId || before.branchId !== now.branchId || before.role !== now.role) {
    for (const room of [...socket.rooms].filter((r) => r.startsWith('ticket:'))) {
      if (!(await seesTicket(db, now, room.slice('ticket:'.length)))) await socket.leave(room);
    }
  }
  return now;
}

/** Re-reads one socket's session and user (before it handles an event). */
export async function recheck(db: Db, socket: StaffSocket): Promise<SessionUser | null> {
  const hash = socket.data.sessionHash;
  return apply(db, socket, (await sessionUsers(db, [hash])).get(hash) ?? null);
}

/** Re-checks the given sockets with one query. */
export async function recheckAll(db: Db, sockets: StaffSocket[]): Promise<void> {
  const users = await sessionUsers(db, [...new Set(sockets.map((s) => s.data.sessionHash))]);
  for (const s of sockets) await apply(db, s, users.get(s.data.sessionHash) ?? null);
}

/** The sockets this process holds for a user. */
export function socketsOf(staff: StaffNamespace, userId: number): StaffSocket[] {
  const ids = staff.adapter.rooms.get(rooms.user(userId)) ?? new Set<string>();
  return [...ids].map((id) => staff.sockets.get(id)).filter((s): s is StaffSocket => s !== undefined);
}

/** Every minute, every socket: expired sessions end here, and missed notifications are caught up. */
export function recheckEveryMinute(staff: StaffNamespace, db: Db, log: Logger, everyMs = 60_000): () => void {
  const timer = setInterval(() => {
    recheckAll(db, [...staff.sockets.values()]).catch((err: unknown) =>
      log.warn({ err }, 'socket rights check failed; retrying next minute'),
    );
  }, everyMs);
  timer.unref(); // never the reason the process stays up
  return () => clearInterval(timer);
}
