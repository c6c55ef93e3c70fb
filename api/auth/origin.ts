// Which origins are this API's own: the one the request was addressed to (Host, or the
// X-Forwarded-Host a proxy in front of us sets — a browser cannot set either on a cross-site
// request) and the configured public URL. Used by the CSRF rule and the socket.io handshake.
import type { IncomingHttpHeaders } from 'node:http';

export type OwnOrigins = readonly string[];

/** The configured public origins (PUBLIC_URL); a malformed one is simply not an origin. */
export const ownOrigins = (...urls: (string | undefined)[]): OwnOrigins =>
  urls.filter((u): u is string => !!u && URL.canParse(u)).map((u) => new URL(u).origin);

/** True when `origin` (an Origin header, or a Referer's origin) is this API's own. */
export function isOwnOrigin(origin: string | undefined, headers: IncomingHttpHeaders, own: OwnOrigins): boolean {
  // 'null' (sandboxed frames, file:, some redirects) and malformed values are foreign.
  if (!origin || !URL.canParse(origin)) return false;
  const url = new URL(origin);
  if (url.origin === 'null') return false;
  if (own.includes(url.origin)) return true;
  const forwarded = headers['x-forwarded-host'];
  const host = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim() || headers.host;
  return url.host === host;
}

/** The origin a Referer names, or undefined. */
export const refererOrigin = (referer: string | undefined): string | undefined =>
  referer && URL.canParse(referer) ? new URL(referer).origin : undefined;
