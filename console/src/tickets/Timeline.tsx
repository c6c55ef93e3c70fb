// B7: every step of a ticket with time, actor and details, oldest first.
import { machineActorOf } from '@domain/tickets';
import { useQuery } from '@tanstack/react-query';
import { useErrorText } from '../api/mutation';
import { timelineQuery } from '../api/queries';
import { formatDateTime } from '../common/time';
import { useI18n, word } from '../i18n';

/** The human part of a step's details: a note's text, a reason, a desk. Ids stay out. */
const detailText = (d: Record<string, unknown>): string =>
  ['text', 'reason', 'deskName', 'number']
    .map((k) => d[k])
    .filter((v): v is string => typeof v === 'string' && v !== '')
    .join(' · ');

export function Timeline({ ticketId }: { ticketId: string }) {
  const { t, locale } = useI18n();
  const events = useQuery(timelineQuery(ticketId));
  const error = useErrorText(events.error);
  // A person's name as stored; the kiosk, dispatch, timers and the status page in the screen's language.
  const actorText = (a: { type: string; name?: string | null }): string => {
    const machine = machineActorOf(a);
    return machine ? t.actors[machine] : (a.name ?? a.type);
  };
  if (error) return <p className="notice notice-error">{error}</p>;
  return (
    <ol className="timeline" data-testid="timeline">
      {(events.data ?? []).map((e) => (
        <li key={e.seq} data-type={e.type}>
          <span className="tl-dot" aria-hidden="true" />
          <div className="tl-main">
            <strong>{word(t.events, e.type) ?? e.type}</strong>
            {e.to && e.from !== e.to && t.statuses[e.to] !== word(t.events, e.type) && (
              <span className="muted"> → {t.statuses[e.to]}</span>
            )}
            {detailText(e.details) && <div className="tl-detail">{detailText(e.details)}</div>}
          </div>
          <div className="tl-meta">
            <time dateTime={e.at}>{formatDateTime(e.at, locale)}</time>
            <span>{actorText(e.actor)}</span>
          </div>
        </li>
      ))}
    </ol>
  );
}
