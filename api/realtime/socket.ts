// socket.io: authenticated staff connections join rooms for their entity, branch and self;
// public display/kiosk connections (namespace /public) get only their branch's public events.
// Every event is checked to carry its entity, so a socket of one entity never hears another's.
// A browser's handshake must come from this API's own origin (a cookie websocket opened by
// another site is refused), and a staff socket's rights are re-checked at every use (rights.ts).
import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import type { Db } from '../../db/knex.js';
import type { Logger } from '../../platform/logger.js';
import { readCookie } from '../auth/middleware.js';
import { isOwnOrigin, type OwnOrigins } from '../auth/origin.js';
import { findSessionUser, SESSION_COOKIE, sessionHash } from '../auth/sessions.js';
import type { ChangeEvent } from '../../db/changes.js';
import { KnownEvent } from '../../domain/contracts/realtime.js';
import {
  recheck,
  recheckAll,
  recheckEveryMinute,
  seesTicket,
  socketsOf,
  type StaffNamespace,
  type StaffSocket,
} from './rights.js';
import { rooms, scopeRoom } from './rooms.js';
import type { ErrorCode } from '../../domain/errors.js';

/** `error` is an error code (domain/errors.ts) the UIs translate. */
type Ack = (answer: { ok: boolean; error?: ErrorCode }) => void;

export function createSocketServer(http: HttpServer, db: Db, log: Logger, own: OwnOrigins) {
  const io = new Server(http, {
    serveClient: false,
    maxHttpBufferSize: 1e6,
    // Browsers always send Origin on a websocket and on a cross-origin request; only a
    // same-origin polling request or a non-browser client (which holds no victim's cookie) omits it.
    allowRequest: (req, done) =>
      done(null, req.headers.origin === undefined || isOwnOrigin(req.headers.origin, req.headers, own)),
  });
  const staff = io.of('/') as StaffNamespace;
  staff.use((socket, next) => {
    const token =
      (socket.handshake.auth as { token?: string }).token ??
      readCookie(socket.handshake.headers.cookie, SESSION_COOKIE);
    if (!token) return next(new Error('Unauthorized: log in first.'));
    findSessionUser(db, token).then(
      (user) => {
        if (!user) return next(new Error('Unauthorized: your session has expired, log in again.'));
        socket.data = { user, sessionHash: sessionHash(token) };
        next();
      },
      (err: unknown) => next(err as Error),
    );
  });
  staff.on('connection', (socket) => {
    const u = socket.data.user;
    void socket.join([rooms.user(u.id), scopeRoom(u), rooms.session(socket.data.sessionHash)]);
    // A revocation announced between the handshake and the joins above found no socket to end.
    recheck(db, socket).catch((err: unknown) => log.warn({ err }, 'socket rights check failed'));
    // B7 "follow the ticket": only a ticket the user may see now.
    socket.on('follow', (ticketId: unknown, ack?: Ack) => {
      followTicket(db, socket, ticketId).then(
        (ok) => ack?.(ok ? { ok } : { ok, error: 'NotFound' }),
        (err: unknown) => {
          log.warn({ err }, 'follow failed');
          ack?.({ ok: false, error: 'Unavailable' });
        },
      );
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
      log.warn(
        { kind: raw.kind, issues: parsed.error.issues.slice(0, 3) },
        'change event without its entity or branch: not sent to anyone',
      );
      return;
    }
    const e = parsed.data;
    switch (e.kind) {
      case 'ticket':
        // Waiting lists (A9), monitors (H4) and followers (B7) of this ticket's branch and entity.
        staff
          .to(rooms.branch(e.branchId))
          .to(rooms.ticket(e.ticketId))
          .to(rooms.entityWide(e.entityId))
          .emit('ticket', e);
        io.of('/public').to(rooms.publicBranch(e.branchId)).emit('ticket', {
          type: e.type,
          ticketId: e.ticketId,
          number: e.number,
          status: e.status,
          deskId: e.deskId,
          serviceId: e.serviceId,
        });
        break;
      case 'alert':
        // Issue 19: the branch's monitors and bells, and whoever watches the whole entity.
        staff.to(rooms.branch(e.branchId)).to(rooms.entityWide(e.entityId)).emit('alert', e);
        break;
      case 'notification':
        staff.to(rooms.user(e.userId)).emit('notification', e);
        break;
      case 'shift':
        // B2/H4: agents' live state for their branch's colleagues, supervisors and admins.
        staff.to(rooms.branch(e.branchId)).to(rooms.entityWide(e.entityId)).to(rooms.user(e.userId)).emit('shift', e);
        break;
      case 'video':
        staff
          .to(rooms.branch(e.branchId))
          .to(rooms.ticket(e.ticketId))
          .to(rooms.entityWide(e.entityId))
          .emit('video', e);
        break;
      case 'session_ended':
        staff.in(rooms.session(e.sessionHash)).disconnectSockets(true);
        break;
      case 'user_changed':
        recheckAll(db, socketsOf(staff, e.userId)).catch((err: unknown) =>
          log.warn({ err, userId: e.userId }, 'socket rights check failed'),
        );
        break;
    }
  };
  const stopChecks = recheckEveryMinute(staff, db, log);
  http.once('close', stopChecks);
  log.debug('socket.io ready');
  return { io, publish };
}

async function followTicket(db: Db, socket: StaffSocket, ticketId: unknown): Promise<boolean> {
  if (typeof ticketId !== 'string' || !/^[0-9a-f-]{36}$/i.test(ticketId)) return false;
  const u = await recheck(db, socket); // rights as they are now, not as they were at connection
  if (!u || !(await seesTicket(db, u, ticketId))) return false;
  await socket.join(rooms.ticket(ticketId));
  return true;
}
