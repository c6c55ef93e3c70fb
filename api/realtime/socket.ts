// socket.io: authenticated staff connections join rooms for their entity, branch and self;
// public display/kiosk connections (namespace /public) get only their branch's public events.
import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import type { Db } from '../../db/knex.js';
import type { Logger } from '../../runtime/logger.js';
import { readCookie } from '../auth/middleware.js';
import { findSessionUser, SESSION_COOKIE } from '../auth/sessions.js';
import type { ChangeEvent } from './bus.js';

export const rooms = {
  /** Staff who watch a whole entity: admins, and supervisors without a branch. */
  entityWide: (id: unknown) => `entity:${String(id)}`,
  branch: (id: unknown) => `branch:${String(id)}`,
  user: (id: unknown) => `user:${String(id)}`,
  ticket: (id: unknown) => `ticket:${String(id)}`,
  publicBranch: (id: unknown) => `public:${String(id)}`,
};

export function createSocketServer(http: HttpServer, db: Db, log: Logger) {
  const io = new Server(http, { serveClient: false, maxHttpBufferSize: 1e6 });
  const staff = io.of('/');
  staff.use((socket, next) => {
    const token = (socket.handshake.auth as { token?: string }).token ?? readCookie(socket.handshake.headers.cookie, SESSION_COOKIE);
    if (!token) return next(new Error('Unauthorized'));
    findSessionUser(db, token).then((user) => {
      if (!user) return next(new Error('Unauthorized'));
      socket.data.user = user;
      next();
    }, (err: unknown) => next(err as Error));
  });
  staff.on('connection', (socket) => {
    const u = socket.data.user as { id: number; entityId: number; branchId: number | null; role: string };
    void socket.join([rooms.user(u.id), u.branchId ? rooms.branch(u.branchId) : rooms.entityWide(u.entityId)]);
    // Follow one ticket (B7 "follow the ticket"); access was checked when it was listed.
    socket.on('follow', (ticketId: unknown) => {
      if (typeof ticketId === 'string' && ticketId.length <= 40) void socket.join(rooms.ticket(ticketId));
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

  const publish = (e: ChangeEvent) => {
    if (e.kind === 'ticket') {
      staff.to(rooms.branch(e.branchId)).to(rooms.ticket(e.ticketId)).to(rooms.entityWide(e.entityId)).emit('ticket', e);
      io.of('/public').to(rooms.publicBranch(e.branchId)).emit('ticket', { type: e.type, ticketId: e.ticketId, number: e.number, status: e.status, deskId: e.deskId, serviceId: e.serviceId });
    } else if (e.kind === 'notification') {
      staff.to(rooms.user(e.userId)).emit('notification', e);
    } else if (e.kind === 'shift') {
      staff.to(rooms.branch(e.branchId)).to(rooms.entityWide(e.entityId)).emit('shift', e);
    }
  };
  log.debug('socket.io ready');
  return { io, publish };
}
