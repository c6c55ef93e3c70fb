// The one outbound destination policy: every call the platform makes to a URL someone else
// chose (webhooks today; the mail relay and SMS provider next) asks it twice — when the URL is
// saved, and again just before each connection, after DNS, so that a name which resolved to a
// public address on Monday and to 127.0.0.1 on Tuesday (DNS rebinding) is refused on Tuesday.
// The caller then connects to exactly the addresses returned here (see post.ts), never to a
// second resolution of the name.
import { lookup as dnsLookup } from 'node:dns/promises';
import { isAllowed, normaliseHost, type AllowRule } from './allow.js';
import { formatIp, parseIp, type Ip } from './ip.js';
import { forbiddenReason, type ForbiddenReason } from './ranges.js';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}
export type Lookup = (host: string) => Promise<ResolvedAddress[]>;

/** A destination the policy refuses: a retry cannot cure it (only the allow-list can). */
export class OutboundRefused extends Error {
  constructor(
    readonly host: string,
    readonly address: string,
    readonly reason: ForbiddenReason,
  ) {
    // A name's resolved address stays out of the message: it is shown to tenants, and internal
    // DNS is none of their business (logs can read `address`).
    const kind = reason.replace('_', '-');
    const what = parseIp(host) ? `${address} is` : `${host} resolves to`;
    super(
      `${what} ${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind} address: outbound calls there are refused unless OUTBOUND_ALLOW names it`,
    );
    this.name = 'OutboundRefused';
  }
}

export interface OutboundPolicy {
  /**
   * For saving a URL: refuses a forbidden literal, or a name that resolves to a forbidden
   * address now. A name that does not resolve (yet) is accepted; each call checks it again.
   */
  checkUrl(url: URL): Promise<void>;
  /** For calling: the checked addresses to connect to; throws OutboundRefused, or why DNS failed. */
  resolve(host: string, port: number): Promise<ResolvedAddress[]>;
}

export const defaultPort = (url: URL): number => Number(url.port) || (url.protocol === 'https:' ? 443 : 80);
/** The URL's host as DNS and sockets want it: IPv6 literals without brackets. */
export const hostOf = (url: URL): string => url.hostname.replace(/^\[(.*)\]$/, '$1');

const systemLookup: Lookup = async (host) =>
  (await dnsLookup(host, { all: true, verbatim: true })).map(({ address, family }) => ({
    address,
    family: family === 6 ? 6 : 4,
  }));

/** RFC 6761: these names are the machine itself, whatever a resolver says or fails to say. */
const isLocalhostName = (host: string): boolean => /(^|\.)localhost$/.test(normaliseHost(host));

export function outboundPolicy(
  allow: readonly AllowRule[],
  opts: { lookup?: Lookup; lookupTimeoutMs?: number } = {},
): OutboundPolicy {
  const lookup = opts.lookup ?? systemLookup;
  const timeoutMs = opts.lookupTimeoutMs ?? 3000;

  const judge = (host: string, ip: Ip, port: number): void => {
    const reason = forbiddenReason(ip);
    if (reason && !isAllowed(allow, { host, ip, port })) throw new OutboundRefused(host, formatIp(ip), reason);
  };

  const resolveName = async (host: string): Promise<ResolvedAddress[]> => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`DNS lookup of ${host} took over ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      const found = await Promise.race([lookup(host), timeout]);
      if (!found.length) throw new Error(`DNS lookup of ${host} returned no address`);
      return found;
    } finally {
      clearTimeout(timer);
    }
  };

  const resolve = async (host: string, port: number): Promise<ResolvedAddress[]> => {
    const literal = parseIp(host);
    if (literal) {
      judge(host, literal, port);
      return [{ address: formatIp(literal), family: literal.family }];
    }
    if (isLocalhostName(host)) judge(host, parseIp('127.0.0.1')!, port);
    const found = await resolveName(host);
    // Every address must pass, not just one: the connection may use any of them.
    for (const a of found) judge(host, parseIp(a.address) ?? parseIp('0.0.0.0')!, port);
    return found;
  };

  return {
    resolve,
    async checkUrl(url) {
      try {
        await resolve(hostOf(url), defaultPort(url));
      } catch (err) {
        if (err instanceof OutboundRefused) throw err;
        // Does not resolve now (or DNS is slow): accepted; every delivery resolves and checks again.
      }
    },
  };
}
