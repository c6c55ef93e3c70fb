// Issue 16: how a wait stands against its service's target (SLA), as the waiting list colours it.
// "Within" matches the reports' rule (a first wait ≤ the target counts within, db/reports/sums.ts).

export const SLA_LEVELS = ['within', 'near', 'over'] as const;
export type SlaLevel = (typeof SLA_LEVELS)[number];
/** From this share of the target on, a wait is near it. */
export const SLA_NEAR_SHARE = 0.8;

export function slaLevel(waitedMs: number, targetSeconds: number): SlaLevel {
  const target = targetSeconds * 1000;
  if (waitedMs > target) return 'over';
  return waitedMs >= target * SLA_NEAR_SHARE ? 'near' : 'within';
}

/**
 * Issue 19: the share of customers served within the target, as the monitor and the reports both
 * count it — customers called within the target over those called plus those still waiting past
 * it and not yet called (a miss already, not only once called). Null with nobody to count.
 */
export function slaPercent(withinSla: number, called: number, waitingOverSla: number): number | null {
  const whole = called + waitingOverSla;
  return whole ? Math.round((1000 * withinSla) / whole) / 10 : null;
}
