// H5: the customer's status page, live: people ahead and about how long, or the desk that calls
// them — said aloud, on the tab, by vibration and sound (issue 17, CallAlert).
import type { PublicStatus } from '@domain/contracts/public';
import { useQuery } from '@tanstack/react-query';
import { publicStatusQuery } from '../api/queries';
import { StatusBadge } from '../common/Badge';
import { fill, useI18n } from '../i18n';
import { usePublicEvents } from '../realtime/useSocket';
import { CallAlert } from './CallAlert';
import { LeaveQueue } from './LeaveQueue';
import './status.css';
import { waitText } from './wait';
import { OnMyWay } from './OnMyWay';
import { SurveyLink } from './SurveyLink';

function Message({ s }: { s: PublicStatus }) {
  const { t } = useI18n();
  const desk = s.deskName ?? '';
  switch (s.status) {
    case 'waiting': {
      const wait = waitText(t, s.waitMinutes);
      return (
        <>
          {s.ahead === 0 ? (
            <p className="status-big">{t.status.next}</p>
          ) : (
            <p className="status-ahead">
              <span className="status-big mono" data-testid="status-ahead">
                {s.ahead}
              </span>
              {t.status.ahead}
            </p>
          )}
          {wait && (
            <p className="status-wait" data-testid="status-wait">
              {wait}
            </p>
          )}
        </>
      );
    }
    case 'calling':
      return (
        <p className="status-big status-calling" data-testid="status-called">
          {fill(t.status.calledTo, { desk })}
        </p>
      );
    case 'attending':
      return <p className="status-big">{fill(t.status.attending, { desk })}</p>;
    case 'scheduled':
      return <p className="status-big">{t.status.scheduled}</p>;
    case 'cancelled':
      return <p className="status-big">{t.status.cancelled}</p>;
    default:
      return <p className="status-big">{t.status.ended}</p>;
  }
}

export function StatusScreen({ token }: { token: string }) {
  const { t } = useI18n();
  const status = useQuery(publicStatusQuery(token));
  usePublicEvents(status.data?.branchId);
  const s = status.data;
  return (
    <main className="center-page">
      <section className="card status-card" data-testid="status">
        {status.error && !s && <p className="notice notice-error">{t.status.invalid}</p>}
        {s && (
          <>
            <span className="eyebrow">
              {t.status.title} · {s.branchName}
            </span>
            <div className="status-number mono" data-testid="status-number">
              {s.number}
            </div>
            <div className="status-service">
              {s.serviceName} <StatusBadge status={s.status} />
            </div>
            <Message s={s} />
            <CallAlert s={s} />
            <OnMyWay token={token} status={s} />
            <LeaveQueue token={token} status={s.status} />
            <SurveyLink token={token} status={s.status} />
            <span className="live-dot">{t.status.live}</span>
          </>
        )}
      </section>
    </main>
  );
}

/** `/status/:token`: the link the kiosk prints (statusUrl). */
export const StatusRoute = ({ token }: { token: string }) => <StatusScreen token={token} />;
