// The operator's allow-list (OUTBOUND_ALLOW): the only way a forbidden address becomes
// reachable. Entries are separated by commas or spaces; each names addresses and optionally
// one port, so "127.0.0.1:8025" opens a local mail catcher and not the database next to it:
//   10.20.0.0/16   10.20.0.5:8443   [fd00::5]:443   fd00::/8   hooks.internal   hooks.internal:8443
import { parseCidr, inCidr, type Cidr, type Ip } from './ip.js';

export interface AllowRule {
  /** As written, for logs and refusals. */
  text: string;
  cidr?: Cidr;
  /** A host name (lower case, no trailing dot): whatever it resolves to is allowed. */
  host?: string;
  port?: number;
}

const HOST_NAME = /^(?=.{1,253}$)[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*$/;

export const normaliseHost = (host: string): string => host.toLowerCase().replace(/\.$/, '');

function parsePort(text: string | undefined, entry: string): number | undefined {
  if (text === undefined) return undefined;
  const port = /^\d{1,5}$/.test(text) ? Number(text) : NaN;
  if (!(port >= 1 && port <= 65535)) throw new Error(`OUTBOUND_ALLOW entry "${entry}": the port must be 1–65535`);
  return port;
}

function parseEntry(entry: string): AllowRule {
  // [v6 or v6/bits]:port, bare v6 (two or more colons, no port), or v4/name with an optional :port.
  const bracketed = /^\[([^\]]+)\](?::(.*))?$/.exec(entry);
  const [where, portText] = bracketed
    ? [bracketed[1]!, bracketed[2]]
    : (entry.match(/:/g) ?? []).length > 1
      ? [entry, undefined]
      : (entry.split(':') as [string, string | undefined]);
  const port = parsePort(portText, entry);
  const cidr = parseCidr(where);
  if (cidr) return { text: entry, cidr, ...(port ? { port } : {}) };
  const host = normaliseHost(where);
  if (!where.includes('/') && !where.includes(':') && HOST_NAME.test(host))
    return { text: entry, host, ...(port ? { port } : {}) };
  throw new Error(`OUTBOUND_ALLOW entry "${entry}" is neither an address, a CIDR block nor a host name`);
}

/** Parses OUTBOUND_ALLOW; throws with the faulty entry named (config validation shows it). */
export const parseAllowList = (text: string): AllowRule[] =>
  text
    .split(/[\s,]+/)
    .filter(Boolean)
    .map(parseEntry);

export interface Target {
  host: string;
  ip: Ip;
  port: number;
}

export const isAllowed = (rules: readonly AllowRule[], t: Target): AllowRule | undefined =>
  rules.find(
    (r) =>
      (r.port === undefined || r.port === t.port) && (r.cidr ? inCidr(t.ip, r.cidr) : r.host === normaliseHost(t.host)),
  );
