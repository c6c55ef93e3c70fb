// An HTTP(S) POST that connects only where the policy said yes. The name is resolved and
// checked once (policy.resolve) and the socket is pinned to those addresses through `lookup`,
// while the Host header and TLS SNI/certificate check still use the name. Redirects are never
// followed (a 3xx is the answer), there is no connection pool (each call connects to the
// addresses it just checked) and no proxy from the environment.
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { defaultPort, hostOf, type OutboundPolicy, type ResolvedAddress } from './policy.js';

export interface PostOptions {
  headers: Record<string, string>;
  timeoutMs: number;
}

const pinned =
  (addresses: ResolvedAddress[]): LookupFunction =>
  (_host, options, callback) => {
    // net asks for every address when it races IPv4 and IPv6 (autoSelectFamily), else for one.
    if (options.all) callback(null, addresses);
    else callback(null, addresses[0]!.address, addresses[0]!.family);
  };

/** POSTs `body` and answers the status code; throws OutboundRefused before any connection. */
export async function postChecked(policy: OutboundPolicy, url: URL, body: string, o: PostOptions): Promise<number> {
  const addresses = await policy.resolve(hostOf(url), defaultPort(url));
  const client = url.protocol === 'https:' ? https : http;
  return new Promise<number>((resolve, reject) => {
    const req = client.request(
      {
        protocol: url.protocol,
        hostname: hostOf(url),
        port: defaultPort(url),
        path: `${url.pathname}${url.search}`,
        method: 'POST',
        auth: url.username ? `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}` : undefined,
        headers: { ...o.headers, 'content-length': String(Buffer.byteLength(body)) },
        lookup: pinned(addresses),
        agent: false,
      },
      (res) => {
        clearTimeout(timer);
        // Only the status is used: a receiver that streams an endless body holds nothing of ours.
        res.destroy();
        resolve(res.statusCode ?? 0);
      },
    );
    // Declared after the request, read only by its callbacks, which run after this line.
    const timer = setTimeout(() => req.destroy(new Error(`no answer within ${o.timeoutMs} ms`)), o.timeoutMs);
    req.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    req.end(body);
  });
}
