// Log in, log out, who am I. Login is rate-limited per address and e-mail.
import { Router } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { z } from 'zod';
import { DomainError, errorBody } from '../../domain/errors.js';
import type { ApiDeps } from '../deps.js';
import { parse } from '../http/validate.js';
import { Email } from '../users/schemas.js';
import { requireUser, tokenOf } from './middleware.js';
import { verifyPassword } from './passwords.js';
import { endOpenShift } from './logout.js';
import { createSession, destroySession, findSessionUser, SESSION_COOKIE, SESSION_TTL_MS } from './sessions.js';

export const LoginBody = z.object({
  email: Email,
  // Only compared with the stored hash, never stored: any string up to the limit.
  password: z.string().min(1).max(200),
  /** API clients that cannot keep cookies ask for the token in the body. */
  tokenInBody: z.boolean().optional(),
  /**
   * The back office logs in with this: an agent is refused before any session is made, so the
   * cookie of her console (and her shift) stay exactly as they were.
   */
  backOffice: z.boolean().optional(),
});

const backOfficeStaffOnly = () => new DomainError('BackOfficeStaffOnly', {}, { message: 'The back office is for supervisors and administrators: agents work in the console.' });

export function authRoutes(deps: ApiDeps): Router {
  const r = Router();
  const limiter = rateLimit({
    windowMs: 60_000, limit: 10, standardHeaders: 'draft-8', legacyHeaders: false,
    // IPv6 addresses are grouped by /56 so one host cannot rotate through its range.
    keyGenerator: (req) => `${ipKeyGenerator(req.ip ?? '')}|${String((req.body as { email?: unknown })?.email ?? '').toLowerCase()}`,
    handler: (_req, res) => res.status(429).json(errorBody(new DomainError('TooManyRequests', {}, { message: 'Too many login attempts: wait a minute and try again.' }))),
  });

  r.post('/auth/login', limiter, async (req, res) => {
    const body = parse(LoginBody, req.body);
    const user = await deps.db('users').whereRaw('lower(email) = ?', [body.email]).andWhere('active', true).first('id', 'password_hash', 'role');
    // Same answer (and similar time) for unknown e-mail and wrong password.
    const ok = user ? await verifyPassword(user.password_hash, body.password) : await verifyPassword('$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$0000000000000000000000000000000000000000000', body.password);
    if (!user || !ok) throw new DomainError('BadCredentials', {}, { message: 'E-mail or password is wrong.' });
    if (body.backOffice && user.role === 'agent') throw backOfficeStaffOnly();
    const token = await createSession(deps.db, user.id);
    res.cookie(SESSION_COOKIE, token, {
      httpOnly: true, sameSite: 'lax', secure: deps.config.NODE_ENV === 'production', maxAge: SESSION_TTL_MS, path: '/',
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
