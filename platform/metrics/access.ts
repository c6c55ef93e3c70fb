// Who may scrape /metrics: anything on this machine, or a caller presenting METRICS_TOKEN as a
// bearer. The figures name no person, but they show a business's load and its queues, so the
// API's public port does not hand them to anyone who asks.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

const isLoopback = (address: string | undefined): boolean => {
  if (!address) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return (isIP(v4) === 4 && v4.startsWith('127.')) || address === '::1';
};

const sameSecret = (given: string, expected: string): boolean => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

/**
 * `clientIp`: the address the request is for, when a trusted proxy on loopback forwarded it
 * (Express's req.ip); a scrape relayed from outside by such a proxy is not a local one.
 */
export function mayScrape(req: IncomingMessage, token: string | undefined, clientIp?: string): boolean {
  if (isLoopback(req.socket.remoteAddress) && isLoopback(clientIp ?? req.socket.remoteAddress)) return true;
  const auth = req.headers.authorization;
  return !!token && !!auth?.startsWith('Bearer ') && sameSecret(auth.slice(7).trim(), token);
}
