// Which addresses a tenant-controlled URL must never reach: the platform's own loopback and
// private networks, link-local (where cloud metadata lives), carrier NAT, multicast and the
// reserved blocks (RFC 6890 and its IPv6 registry). IPv6 is read as "global unicast only":
// whatever lies outside 2000::/3 is refused unless it embeds an IPv4 address we can judge.
import { inCidr, parseCidr, type Cidr, type Ip } from './ip.js';

export type ForbiddenReason =
  | 'unspecified'
  | 'loopback'
  | 'private'
  | 'link_local'
  | 'unique_local'
  | 'carrier_nat'
  | 'multicast'
  | 'reserved'
  | 'metadata';

const table = (rows: [string, ForbiddenReason][]): [Cidr, ForbiddenReason][] =>
  rows.map(([c, r]) => [parseCidr(c)!, r]);

/** Cloud instance metadata and host agents; first, so a refusal names them. */
const METADATA = table([
  ['169.254.169.254/32', 'metadata'], // AWS, GCP, Azure, OpenStack, Oracle
  ['169.254.170.2/32', 'metadata'], // AWS ECS task credentials
  ['168.63.129.16/32', 'metadata'], // Azure WireServer (a public address)
  ['100.100.100.200/32', 'metadata'], // Alibaba Cloud
  ['fd00:ec2::254/128', 'metadata'], // AWS over IPv6
]);

const V4 = table([
  ['0.0.0.0/8', 'unspecified'],
  ['10.0.0.0/8', 'private'],
  ['100.64.0.0/10', 'carrier_nat'],
  ['127.0.0.0/8', 'loopback'],
  ['169.254.0.0/16', 'link_local'],
  ['172.16.0.0/12', 'private'],
  ['192.0.0.0/24', 'reserved'],
  ['192.0.2.0/24', 'reserved'],
  ['192.88.99.0/24', 'reserved'],
  ['192.168.0.0/16', 'private'],
  ['198.18.0.0/15', 'reserved'],
  ['198.51.100.0/24', 'reserved'],
  ['203.0.113.0/24', 'reserved'],
  ['224.0.0.0/4', 'multicast'],
  ['240.0.0.0/4', 'reserved'], // and 255.255.255.255
]);

const V6_OUTSIDE_GLOBAL = table([
  ['::/128', 'unspecified'],
  ['::1/128', 'loopback'],
  ['fc00::/7', 'unique_local'],
  ['fe80::/10', 'link_local'],
  ['ff00::/8', 'multicast'],
]);
const GLOBAL_UNICAST = parseCidr('2000::/3')!;
/** Inside 2000::/3 but not the public Internet: protocol assignments (Teredo…), documentation. */
const V6_RESERVED = table([
  ['2001::/23', 'reserved'],
  ['2001:db8::/32', 'reserved'],
  ['3fff::/20', 'reserved'],
]);

/** Prefixes that carry an IPv4 address, which is what decides (NAT64 reaches it, 6to4 too). */
const EMBEDDED_V4: [Cidr, (b: Uint8Array) => Uint8Array][] = [
  [parseCidr('64:ff9b::/96')!, (b) => b.slice(12, 16)],
  [parseCidr('2002::/16')!, (b) => b.slice(2, 6)],
];

const first = (ip: Ip, rows: [Cidr, ForbiddenReason][]): ForbiddenReason | undefined =>
  rows.find(([c]) => inCidr(ip, c))?.[1];

/** Why an address may not be called; undefined for a public one. */
export function forbiddenReason(ip: Ip): ForbiddenReason | undefined {
  const meta = first(ip, METADATA);
  if (meta) return meta;
  if (ip.family === 4) return first(ip, V4);
  for (const [prefix, v4] of EMBEDDED_V4)
    if (inCidr(ip, prefix)) return forbiddenReason({ family: 4, bytes: v4(ip.bytes) });
  if (!inCidr(ip, GLOBAL_UNICAST)) return first(ip, V6_OUTSIDE_GLOBAL) ?? 'reserved';
  return first(ip, V6_RESERVED);
}
