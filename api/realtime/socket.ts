// socket.io: authenticated staff connections join rooms for their entity, branch and self;
// public display/kiosk connections (namespace /public) get only their branch's public events.
// Rooms are named by globally unique ids (branch:3, user:7), and every event is checked to carry
// its entity, so a socket of one entity never hears another's.
import { createHash } from 'node:crypto';
import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import type { Db } from '../../db/knex.js';
import type { Logger } from '../../runtime/logger.js';
import { readCookie } from '../auth/middleware.js';
import { findSessionUser, SESSION_COOKIE, type SessionUser } from '../auth/sessions.js';
import { reachesWholeEntity } from '../http/reach.js';
import type { ChangeEvent } from './bus.js';
import { KnownEvent } from './events.js';
import { disconnectExpired } from './expiry.js';
import type { ErrorCode } from '../../domain/errors.js';

export const rooms = {
  /** Staff who watch a whole entity: admins, and supervisors without a branch. */
  entityWide: (id: unknown) => `entity:${String(id)}`,
  branch: (id: unknown) => `branch:${String(id)}`,
  user: (id: unknown) => `user:${String(id)}`,
  ticket: (id: unknown) => `ticket:${String(id)}`,
  publicBranch: (id: unknown) => `public:${String(id)}`,
  session: (hash: unknown) => `session:${String(hash)}`,
};

/** `error` is an error code (domain/errors.ts) the UIs translate. */
type Ack = (answer: { ok: boolean; error?: ErrorCode }) => void;

export function createSocketServer(http: HttpServer, db: Db, log: Logger) {
  const io = new Server(http, { serveClient: false, maxHttpBufferSize: 1e6 });
  const staff = io.of('/');
  staff.use((socket, next) => {
    const token = (socket.handshake.auth as { token?: string }).token ?? readCookie(socket.handshake.headers.cookie, SESSION_COOKIE);
    if (!token) return next(new Error('Unauthorized: log in first.'));
    findSessionUser(db, token).then((user) => {
      if (!user) return next(new Error('Unauthorized: your session has expired, log in again.'));
      socket.data.user = user;
      socket.data.sessionHash = createHash('sha256').update(token).digest('hex');
      next();
    }, (err: unknown) => next(err as Error));
  });
  staff.on('connection', (socket) => {
    const u = socket.data.user as SessionUser;
    const scope = reachesWholeEntity(u) ? rooms.entityWide(u.entityId) : rooms.branch(u.branchId);
    void socket.join([rooms.user(u.id), scope, rooms.session(socket.data.sessionHash)]);
    // B7 "follow the ticket": only a ticket the user may see (its entity, and branch unless the
    // user reaches the whole entity).
    socket.on('follow', (ticketId: unknown, ack?: Ack) => {
      followTicket(db, socket, u, ticketId).then((ok) => ack?.(ok ? { ok } : { ok, error: 'NotFound' }), (err: unknown) => {
        log.warn({ err }, 'follow failed');
        ack?.({ ok: false, error: 'Unavailable' });
      });
    });
    socket.on('unfollow', (ticketId: unknown) => {
      if (typeof ticketId === 'string') void socket.leave(rooms.ticket(ticketId));
    });
  });

  // Public display (C9) and kiosk (H5): no login, and only their branch's public events.
  io.of('/public').on('connection', (socket) => {
    const branchId = Number(socket.handshake.auth?.branchId ?? socket.handshake.query.branchId);
    if (!Number.isInteger(branchId) || branchId <= 0) {
      socket.disconnect(true);
      return;
    }
    void socket.join(rooms.publicBranch(branchId));
  });

  const publish = (raw: ChangeEvent) => {
    const parsed = KnownEvent.safeParse(raw);
    if (!parsed.success) {
      log.warn({ kind: raw.kind, issues: parsed.error.issues.slice(0, 3) }, 'change event without its entity or branch: not sent to anyone');
      return;
    }
    const e = parsed.data;
    switch (e.kind) {
      case 'ticket':
        // Waiting lists (A9), monitors (H4) and followers (B7) of this ticket's branch and entity.
        staff.to(rooms.branch(e.branchId)).to(rooms.ticket(e.ticketId)).to(rooms.entityWide(e.entityId)).emit('ticket', e);
        io.of('/public').to(rooms.publicBranch(e.branchId)).emit('ticket', { type: e.type, ticketId: e.ticketId, number: e.number, status: e.status, deskId: e.deskId, serviceId: e.serviceId });
        break;
      case 'notification':
        staff.to(rooms.user(e.userId)).emit('notification', e);
        break;
      case 'shift':
        // B2/H4: agents' live state for their branch's colleagues, supervisors and admins.
        staff.to(rooms.branch(e.branchId)).to(rooms.entityWide(e.entityId)).to(rooms.user(e.userId)).emit('shift', e);
        break;
      case 'video':
        staff.to(rooms.branch(e.branchId)).to(rooms.ticket(e.ticketId)).to(rooms.entityWide(e.entityId)).emit('video', e);
        break;
      case 'session_ended':
        staff.in(rooms.session(e.sessionHash)).disconnectSockets(true);
        break;
    }
  };
  const stopExpiry = disconnectExpired(staff, db, log);
  http.once('close', stopExpiry);
  log.debug('socket.io ready');
  return { io, publish };
}

async function followTicket(db: Db, socket: Socket, u: SessionUser, ticketId: unknown): Promise<boolean> {
  if (typeof ticketId !== 'string' || !/^[0-9a-f-]{36}$/i.test(ticketId)) return false;
  const q = db('tickets').where({ id: ticketId, entity_id: u.entityId });
  if (!reachesWholeEntity(u)) q.andWhere('branch_id', u.branchId);
  if (!(await q.first('id'))) return false;
  await socket.join(rooms.ticket(ticketId));
  return true;
}
