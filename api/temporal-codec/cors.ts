// The Temporal Web UI calls the codec endpoint from its own origin, with the staff member's
// session cookie ("Include cross-origin credentials"). Credentialed CORS is granted to that one
// origin (config.temporalUiUrl) and to no other; a cookie-authenticated request must come from
// it. This check stands in for the API's same-origin rule (api/auth/csrf.ts), which the router
// is mounted outside of because the UI is, by design, another origin.
import type { RequestHandler } from 'express';
import { DomainError } from '../../domain/errors.js';

const ALLOWED_HEADERS = 'Content-Type, X-Namespace, Authorization';

export function temporalUiCors(temporalUiUrl: string): RequestHandler {
  const uiOrigin = new URL(temporalUiUrl).origin;
  return (req, res, next) => {
    const origin = req.headers.origin;
    res.vary('Origin');
    if (origin === uiOrigin) {
      res.setHeader('Access-Control-Allow-Origin', uiOrigin);
      res.setHeader('Access-Control-Allow-Credentials', 'true');
    }
    if (req.method === 'OPTIONS') {
      if (origin !== uiOrigin) return next(crossSite());
      res.setHeader('Access-Control-Allow-Methods', 'POST, OPTIONS');
      res.setHeader('Access-Control-Allow-Headers', ALLOWED_HEADERS);
      res.setHeader('Access-Control-Max-Age', '600');
      res.status(204).end();
      return;
    }
    // Another site's page may not use the staff member's cookie here; a bearer credential is
    // not ambient, so tools (the CLI) may send it without an Origin.
    if (origin !== undefined && origin !== uiOrigin) return next(crossSite());
    if (origin === undefined && !req.headers.authorization?.startsWith('Bearer ')) return next(crossSite());
    next();
  };
}

const crossSite = () =>
  new DomainError(
    'CrossSite',
    {},
    { message: 'The codec endpoint answers the configured Temporal Web UI, or a bearer credential.' },
  );
