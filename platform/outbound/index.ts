// Outbound calls to URLs that tenants or operators configure: one policy, one way to connect.
export { parseAllowList, type AllowRule } from './allow.js';
export { outboundPolicy, OutboundRefused, type OutboundPolicy, type Lookup, type ResolvedAddress } from './policy.js';
export { postChecked, type PostOptions } from './post.js';
export type { ForbiddenReason } from './ranges.js';
