// Issue 16: the customer panel — who is in front of the agent: their latest visits (date, service,
// agent, topics, notes; issue 20: her satisfaction answer to each and their average), from
// GET /customers/:id/visits (this entity's customers only).
import type { CustomerVisits as Visits } from '@domain/contracts/tickets';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { useErrorText } from '../api/mutation';
import { keys } from '../api/queries';
import { StatusBadge } from '../common/Badge';
import { Notice } from '../common/Notice';
import { formatDateTime } from '../common/time';
import { fill, plural, useI18n } from '../i18n';
import { LOW_SCORE } from '@domain/surveys';
import './visit-scores.css';

const SHOWN = 10;

export function CustomerVisits({ customerId }: { customerId: number }) {
  const { t, locale } = useI18n();
  const visits = useQuery({
    queryKey: [...keys.customer(customerId), 'visits'],
    queryFn: () => api.get<Visits>(`/customers/${customerId}/visits?limit=${SHOWN}`),
  });
  const error = useErrorText(visits.error);
  const data = visits.data;
  return (
    <section className="panel visits" aria-labelledby="visits-title" data-testid="customer-visits">
      <h3 className="panel-title" id="visits-title">
        {t.visits.title}
        {data && data.total > 0 && <span className="muted"> · {plural(t.visits.count, data.total, locale)}</span>}
      </h3>
      {data && data.surveys.answers > 0 && (
        <p className="visit-scores" data-testid="customer-scores">
          {fill(t.visits.surveyAvg, {
            avg: data.surveys.avgScore?.toLocaleString(locale, { maximumFractionDigits: 1 }) ?? '',
            n: data.surveys.answers,
          })}
        </p>
      )}
      <Notice kind="error" text={error} />
      {!data && !error && <p className="muted">{t.app.loading}</p>}
      {data && data.total === 0 && <p className="muted">{t.visits.none}</p>}
      {data && data.visits.length > 0 && (
        <ol className="visit-list">
          {data.visits.map((v) => (
            <li key={v.ticketId} data-testid="visit">
              <div className="visit-head">
                <time dateTime={v.at} className="strong">
                  {formatDateTime(v.at, locale)}
                </time>
                <span className="mono">{v.number}</span>
                <span className="truncate">{v.serviceName}</span>
                <StatusBadge status={v.status} />
              </div>
              <div className="visit-meta muted">
                {t.visits.agent}: {v.agentName ?? t.visits.noAgent} · {v.branchName}
              </div>
              {v.topics.length > 0 && (
                <div className="visit-topics">
                  <span className="sr-only">{t.visits.topics}: </span>
                  {v.topics.map((name) => (
                    <span key={name} className="tag">
                      {name}
                    </span>
                  ))}
                </div>
              )}
              {v.survey && (
                <div className="visit-score" data-testid="visit-score">
                  <span className={v.survey.score <= LOW_SCORE ? 'badge badge-low-score' : 'badge'}>
                    {fill(t.visits.survey, { score: v.survey.score })}
                  </span>
                  {v.survey.comment && <q className="visit-score-comment">{v.survey.comment}</q>}
                </div>
              )}
              {v.notes.length > 0 && (
                <ul className="visit-notes" aria-label={t.visits.notes}>
                  {v.notes.map((n, i) => (
                    <li key={i}>{n}</li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
      {data && data.total > data.visits.length && (
        <p className="hint">{fill(t.visits.shown, { n: data.visits.length })}</p>
      )}
    </section>
  );
}
