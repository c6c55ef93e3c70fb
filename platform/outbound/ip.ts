// IP addresses as bytes, so ranges are compared on what the address is rather than on how it
// was spelled: "::ffff:7f00:1", "::ffff:127.0.0.1" and "127.0.0.1" are one host.
import { isIPv4, isIPv6 } from 'node:net';

export interface Ip {
  family: 4 | 6;
  bytes: Uint8Array;
}
export interface Cidr {
  ip: Ip;
  bits: number;
}

const v4Bytes = (s: string): Uint8Array => Uint8Array.from(s.split('.').map(Number));

function v6Bytes(s: string): Uint8Array {
  // A trailing dotted quad ("::ffff:1.2.3.4") is the last two groups.
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  let text = s;
  if (dotted) {
    const [a, b, c, d] = v4Bytes(dotted[1]!);
    text = `${s.slice(0, -dotted[1]!.length)}${((a! << 8) | b!).toString(16)}:${((c! << 8) | d!).toString(16)}`;
  }
  const [head, tail] = text.split('::') as [string, string | undefined];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups =
    tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  const bytes = new Uint8Array(16);
  groups.forEach((g, i) => {
    const n = parseInt(g, 16);
    bytes[i * 2] = n >> 8;
    bytes[i * 2 + 1] = n & 0xff;
  });
  return bytes;
}

/** A literal address (brackets and an IPv6 zone are dropped); undefined for a host name. */
export function parseIp(text: string): Ip | undefined {
  const s = text.replace(/^\[(.*)\]$/, '$1').replace(/%.*$/, '');
  if (isIPv4(s)) return { family: 4, bytes: v4Bytes(s) };
  if (isIPv6(s)) return unmap({ family: 6, bytes: v6Bytes(s) });
  return undefined;
}

const MAPPED_PREFIX = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff];

/** IPv4-mapped IPv6 (::ffff:a.b.c.d) is the IPv4 host itself: the kernel connects there. */
function unmap(ip: Ip): Ip {
  if (ip.family === 6 && MAPPED_PREFIX.every((b, i) => ip.bytes[i] === b))
    return { family: 4, bytes: ip.bytes.slice(12) };
  return ip;
}

export function parseCidr(text: string): Cidr | undefined {
  const [addr, bits, extra] = text.split('/');
  if (extra !== undefined || addr === undefined) return undefined;
  const ip = parseIp(addr);
  if (!ip) return undefined;
  const max = ip.family === 4 ? 32 : 128;
  // A mapped address written with an IPv6 prefix length counts the 96 bits it lost.
  const n =
    bits === undefined
      ? max
      : /^\d{1,3}$/.test(bits)
        ? Number(bits) - (ip.family === 4 && isIPv6(addr.replace(/^\[|\]$/g, '')) ? 96 : 0)
        : NaN;
  return Number.isInteger(n) && n >= 0 && n <= max ? { ip, bits: n } : undefined;
}

export function inCidr(ip: Ip, { ip: net, bits }: Cidr): boolean {
  if (ip.family !== net.family) return false;
  for (let i = 0; i < bits; i += 8) {
    const take = Math.min(8, bits - i);
    const mask = (0xff << (8 - take)) & 0xff;
    if ((ip.bytes[i / 8]! & mask) !== (net.bytes[i / 8]! & mask)) return false;
  }
  return true;
}

export const formatIp = (ip: Ip): string =>
  ip.family === 4
    ? ip.bytes.join('.')
    : Array.from({ length: 8 }, (_, i) => ((ip.bytes[i * 2]! << 8) | ip.bytes[i * 2 + 1]!).toString(16))
        .join(':')
        .replace(/(^|:)0(:0)+(:|$)/, '::');
