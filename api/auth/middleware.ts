import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Role } from '../../domain/agents.js';
import type { Actor } from '../../domain/tickets.js';
import { DomainError } from '../../domain/errors.js';
import type { Db } from '../../db/knex.js';
import { findSessionUser, SESSION_COOKIE, type SessionUser } from './sessions.js';

declare module 'express-serve-static-core' {
  interface Locals {
    user: SessionUser;
  }
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return undefined;
}

/** Session from the httpOnly cookie (browsers) or a bearer token (API clients). */
export function tokenOf(req: Request): string | undefined {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice(7).trim();
  return readCookie(req.headers.cookie, SESSION_COOKIE);
}

export function requireUser(db: Db): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const token = tokenOf(req);
    if (!token) return next(new DomainError('LoginRequired', {}, { message: 'Log in first.' }));
    findSessionUser(db, token).then((user) => {
      if (!user)
        return next(new DomainError('SessionExpired', {}, { message: 'Your session has expired: log in again.' }));
      res.locals.user = user;
      next();
    }, next);
  };
}

export const requireRole =
  (...roles: Role[]): RequestHandler =>
  (_req, res, next) => {
    if (!roles.includes(res.locals.user.role))
      return next(
        new DomainError('RoleRequired', { roles }, { message: `This needs the role ${roles.join(' or ')}.` }),
      );
    next();
  };

export const actorOf = (u: SessionUser): Actor => ({
  type: 'user',
  id: u.id,
  role: u.role,
  name: `${u.firstName} ${u.lastName}`,
});
