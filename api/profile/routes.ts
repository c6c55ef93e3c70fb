// /api/profile (E1–E4): thin transport over profile.ts.
import { Router } from 'express';
import type { ApiDeps } from '../deps.js';
import { requireUser, tokenOf } from '../auth/middleware.js';
import { idempotent } from '../http/idempotent.js';
import { parse } from '../http/validate.js';
import { changePassword, readProfile, refuseReadOnly, updateProfile } from './profile.js';
import { PasswordChange, ProfileUpdate } from './schemas.js';

export function profileRoutes(deps: ApiDeps): Router {
  const r = Router();
  const { db } = deps;
  r.use('/profile', requireUser(db));
  r.get('/profile', async (_req, res) => {
    res.json(await readProfile(db, res.locals.user));
  });
  r.put('/profile', async (req, res) => {
    refuseReadOnly(req.body);
    await updateProfile(db, res.locals.user, parse(ProfileUpdate, req.body));
    res.json(await readProfile(db, res.locals.user));
  });
  r.post('/profile/password', idempotent(db, deps.log), async (req, res) => {
    const body = parse(PasswordChange, req.body);
    // requireUser found a session, so the request carries its token.
    res.json({ ok: true, ...(await changePassword(db, res.locals.user, tokenOf(req) ?? '', body)) });
  });
  return r;
}
