// Issue 19: an alert in the reader's language, from its kind and the figures it was raised with.
import type { Alert } from '@domain/alerts';
import { useTranslate } from 'react-admin';
import { duration } from '../shared/format';

export function useAlertText(): (a: Pick<Alert, 'kind' | 'params'>) => string {
  const translate = useTranslate();
  return ({ kind, params: p }) => {
    const num = (k: string) => Number(p[k] ?? 0);
    switch (kind) {
      case 'sla_breach':
        return translate('ventanilla.alerts.text.sla_breach', {
          service: p.service,
          smart_count: num('count'),
          target: duration(num('targetSeconds')),
        });
      case 'queue_length':
        return translate('ventanilla.alerts.text.queue_length', {
          service: p.service,
          smart_count: num('count'),
          max: num('max'),
        });
      case 'unserved_queue':
        return translate('ventanilla.alerts.text.unserved_queue', { service: p.service, smart_count: num('count') });
      case 'break_over_cap':
        return translate('ventanilla.alerts.text.break_over_cap', {
          agent: p.agent,
          state: translate(`ventanilla.state.${String(p.state)}`),
          capMinutes: num('capMinutes'),
        });
      case 'stuck_work':
        return translate('ventanilla.alerts.text.stuck_work', {
          number: p.number ?? '—',
          reason: translate(`ventanilla.monitor.stuck.reasons.${String(p.reason)}`),
        });
      case 'low_score': {
        const said = translate('ventanilla.alerts.text.low_score', {
          number: p.number ?? '—',
          score: num('score'),
          who: [p.service, p.agent].filter(Boolean).join(' · '),
        });
        return p.comment
          ? `${said} ${translate('ventanilla.alerts.text.low_score_comment', { comment: p.comment })}`
          : said;
      }
    }
  };
}

/** Seconds from an instant of the server to now, by the browser's clock (a minute-scale figure). */
export const secondsSince = (instant: string, now: number): number =>
  Math.max(0, Math.floor((now - Date.parse(instant)) / 1000));
