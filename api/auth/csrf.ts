import type { RequestHandler } from 'express';
import { DomainError } from '../../domain/errors.js';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Cookie sessions are SameSite=Lax; on top of that, a state-changing request that carries an
 * Origin must come from this site, and its body must be JSON (which a cross-site form cannot send
 * without a CORS preflight that we never grant).
 */
export const sameOrigin: RequestHandler = (req, _res, next) => {
  if (!UNSAFE.has(req.method) || req.headers.authorization?.startsWith('Bearer ')) return next();
  const origin = req.headers.origin;
  if (origin && origin !== 'null') {
    const host = req.headers['x-forwarded-host'] ?? req.headers.host;
    // A malformed Origin is as foreign as another site's.
    if (!URL.canParse(origin) || new URL(origin).host !== host) return next(new DomainError('CrossSite', {}, { message: 'Cross-site request refused.' }));
  }
  const type = req.headers['content-type'];
  const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
  if (hasBody && !type?.startsWith('application/json') && !type?.startsWith('multipart/form-data')) {
    return next(new DomainError('JsonOnly', {}, { message: 'Send the body as application/json.' }));
  }
  next();
};
