// Queue ordering policies per branch (H1). The pure ranking lives in domain/queue-order.ts.
export const ORDERING_POLICIES = ['fifo', 'priority', 'interleave', 'age_boost'] as const;
export type OrderingPolicy = (typeof ORDERING_POLICIES)[number];
