// Cross-site request forgery. Cookie sessions are SameSite=Lax; on top of that (issue 13):
// - an unsafe request that carries the session cookie must say where it comes from — a
//   matching Origin, or when a browser left Origin out, a matching Referer — otherwise it is
//   refused, whatever its body (multipart and empty bodies included);
// - any unsafe request naming a foreign Origin is refused;
// - a body must be JSON or multipart (a cross-site form cannot send JSON without a CORS
//   preflight, which we never grant).
// A bearer token (API clients, video join tokens) is no ambient credential: no check needed.
import type { RequestHandler } from 'express';
import { DomainError } from '../../domain/errors.js';
import { readCookie } from './middleware.js';
import { isOwnOrigin, refererOrigin, type OwnOrigins } from './origin.js';
import { SESSION_COOKIE } from './sessions.js';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const crossSite = () => new DomainError('CrossSite', {}, { message: 'Cross-site request refused.' });

export function sameOrigin(own: OwnOrigins): RequestHandler {
  return (req, _res, next) => {
    if (!UNSAFE.has(req.method) || req.headers.authorization?.startsWith('Bearer ')) return next();
    const origin = req.headers.origin;
    if (readCookie(req.headers.cookie, SESSION_COOKIE) !== undefined) {
      if (!isOwnOrigin(origin ?? refererOrigin(req.headers.referer), req.headers, own)) return next(crossSite());
    } else if (origin !== undefined && origin !== 'null' && !isOwnOrigin(origin, req.headers, own)) {
      return next(crossSite());
    }
    const type = req.headers['content-type'];
    const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
    if (hasBody && !type?.startsWith('application/json') && !type?.startsWith('multipart/form-data')) {
      return next(new DomainError('JsonOnly', {}, { message: 'Send the body as application/json.' }));
    }
    next();
  };
}
