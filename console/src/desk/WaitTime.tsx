// Issue 16: a customer's wait in the waiting list, ticking, against the service's target: colour
// and a symbol (never the colour alone, WCAG 1.4.1), the words for screen readers and the legend.
import { slaLevel, type SlaLevel } from '@domain/sla';
import type { WaitingItem } from '@domain/contracts/tickets';
import { useEffect, useState } from 'react';
import { formatDuration } from '../common/time';
import { fill, useI18n } from '../i18n';

const SYMBOL: Record<SlaLevel, string> = { within: '✓', near: '◔', over: '▲' };

/** Now, once a second: one clock for a whole list. */
export function useNow(everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), everyMs);
    return () => window.clearInterval(id);
  }, [everyMs]);
  return now;
}

/**
 * `receivedAt`: when this screen got the list (its own clock); the server said how long each had
 * waited then (waitedMs), so the count goes on from there whatever this computer's clock says.
 */
export function WaitTime({ item, receivedAt, now }: { item: WaitingItem; receivedAt: number; now: number }) {
  const { t } = useI18n();
  if (item.waitedMs === undefined) return <span className="muted">—</span>;
  const waited = item.waitedMs + Math.max(0, now - receivedAt);
  const level = item.slaTargetSeconds ? slaLevel(waited, item.slaTargetSeconds) : null;
  const target = item.slaTargetSeconds
    ? fill(t.sla.target, { minutes: Math.round(item.slaTargetSeconds / 60) })
    : undefined;
  return (
    <span className={`wait ${level ? `sla-${level}` : ''}`} data-sla={level ?? undefined} title={target}>
      {level && (
        <span className="sla-symbol" aria-hidden="true">
          {SYMBOL[level]}
        </span>
      )}
      <time className="mono" data-testid="waited">
        {formatDuration(waited)}
      </time>
      {level && <span className="sr-only">, {t.sla[level]}</span>}
    </span>
  );
}

export function SlaLegend() {
  const { t } = useI18n();
  return (
    <p className="sla-legend muted">
      <span>{t.sla.legend}:</span>
      {(['within', 'near', 'over'] as const).map((l) => (
        <span key={l} className={`wait sla-${l}`}>
          <span className="sla-symbol" aria-hidden="true">
            {SYMBOL[l]}
          </span>
          {t.sla[l]}
        </span>
      ))}
    </p>
  );
}

/** How many wait for each service, in the list's order of first appearance. */
export function ServiceCounts({ rows }: { rows: WaitingItem[] }) {
  const { t } = useI18n();
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.serviceName, (counts.get(r.serviceName) ?? 0) + 1);
  return (
    <ul className="service-counts" aria-label={t.sla.perService} data-testid="service-counts">
      {[...counts].map(([name, n]) => (
        <li key={name}>
          <span className="truncate">{name}</span> <strong className="count">{n}</strong>
        </li>
      ))}
    </ul>
  );
}
