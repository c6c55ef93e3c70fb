// Log in, log out, who am I. Login is limited per e-mail and per client address, in a store
// every API process shares (limiter.ts).
import { Router } from 'express';
import { DomainError } from '../../domain/errors.js';
import type { ApiDeps } from '../deps.js';
import { parse } from '../http/validate.js';
import { beginLoginAttempt } from './limiter.js';
import { findLoginUser, LoginBody } from './login.js';
import { requireUser, tokenOf } from './middleware.js';
import { endOpenShift } from './logout.js';
import { createSession, destroySession, findSessionUser, SESSION_COOKIE, SESSION_TTL_MS } from './sessions.js';

export { LoginBody } from './login.js';

const backOfficeStaffOnly = () =>
  new DomainError(
    'BackOfficeStaffOnly',
    {},
    { message: 'The back office is for supervisors and administrators: agents work in the console.' },
  );

export function authRoutes(deps: ApiDeps): Router {
  const r = Router();

  r.post('/auth/login', async (req, res) => {
    const body = parse(LoginBody, req.body);
    const begun = await beginLoginAttempt(deps.db, body.email, req.ip);
    if ('retryAfterS' in begun) {
      res.setHeader('Retry-After', String(begun.retryAfterS));
      throw new DomainError(
        'TooManyRequests',
        { retryAfter: begun.retryAfterS },
        { message: 'Too many login attempts: wait and try again.' },
      );
    }
    const user = await findLoginUser(deps.db, body, begun.attempt);
    if (body.backOffice && user.role === 'agent') throw backOfficeStaffOnly();
    const token = await createSession(deps.db, user.id);
    res.cookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: deps.config.NODE_ENV === 'production',
      maxAge: SESSION_TTL_MS,
      path: '/',
    });
    res.json({ ok: true, ...(body.tokenInBody ? { token } : {}) });
  });

  r.post('/auth/logout', async (req, res) => {
    const token = tokenOf(req);
    const user = token ? await findSessionUser(deps.db, token) : null;
    if (user) await endOpenShift(deps, user);
    if (token) await destroySession(deps.db, token);
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    res.json({ ok: true });
  });

  r.get('/auth/me', requireUser(deps.db), (_req, res) => {
    res.json(res.locals.user);
  });
  return r;
}
