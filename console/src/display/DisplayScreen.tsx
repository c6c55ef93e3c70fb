// C9: the branch's public display. Every call and recall chimes and is spoken.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { displayQuery } from '../api/queries';
import { BranchRoute } from '../common/BranchRoute';
import { formatClock } from '../common/time';
import { fill, useI18n } from '../i18n';
import { usePublicEvents } from '../realtime/useSocket';
import { audioContext, chime, speak, spokenNumber } from './announce';

interface Announcement {
  number: string;
  at: number;
}

export function DisplayScreen({ branchId }: { branchId: number }) {
  const { t, locale, lang } = useI18n();
  const view = useQuery(displayQuery(branchId));
  const [muted, setMuted] = useState(() => audioContext().state !== 'running');
  const [last, setLast] = useState<Announcement>();
  // The view refetches on every event; a call or recall is also announced once it shows its desk.
  usePublicEvents(branchId, (e) => {
    if (e.status === 'calling' && (e.type === 'called' || e.type === 'recalled'))
      setLast({ number: e.number, at: Date.now() });
  });
  const calling = useMemo(() => view.data?.calling ?? [], [view.data]);
  useEffect(() => {
    if (!last) return;
    const desk = calling.find((c) => c.number === last.number)?.deskName;
    if (!desk) return;
    void chime().then(() =>
      speak(fill(t.display.speech, { number: spokenNumber(last.number), desk }), lang === 'es' ? 'es-CO' : 'en-US'),
    );
    setLast(undefined);
  }, [last, calling, t, lang]);
  const [main, ...others] = calling;
  return (
    <main className="display" data-testid="display">
      <header className="display-head">
        <span className="brand">
          <span className="brand-mark" aria-hidden="true">
            V
          </span>
          {view.data?.branchName ?? ''}
        </span>
        <Clock locale={locale} />
      </header>
      <section className="display-now" aria-live="assertive">
        {main ? (
          <div
            className="display-call"
            data-testid="display-current"
            data-recalls={main.recallCount}
            key={`${main.number}-${main.recallCount}`}
          >
            <span className="eyebrow">{t.display.calling}</span>
            <span className="display-number mono">{main.number}</span>
            <span className="display-desk">{main.deskName}</span>
          </div>
        ) : (
          <p className="display-idle">{t.display.nobody}</p>
        )}
        {others.length > 0 && (
          <ul className="display-also">
            {others.map((c) => (
              <li key={c.ticketId}>
                <span className="mono">{c.number}</span>
                <span>{c.deskName}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <aside className="display-recent">
        <h2>{t.display.recent}</h2>
        <ol data-testid="display-recent">
          {view.data?.recent.map((c) => (
            <li key={c.ticketId}>
              <span className="mono">{c.number}</span>
              <span className="truncate">{c.deskName}</span>
              <span className="muted">{formatClock(c.calledAt, locale)}</span>
            </li>
          ))}
        </ol>
      </aside>
      {muted && (
        <button
          type="button"
          className="btn display-sound"
          onClick={() =>
            void audioContext()
              .resume()
              .then(() => setMuted(false))
          }
        >
          {t.display.sound}
        </button>
      )}
    </main>
  );
}

/** `/display/:branchId`. */
export const DisplayRoute = ({ branchId }: { branchId: string }) => (
  <BranchRoute id={branchId} screen={DisplayScreen} />
);

function Clock({ locale }: { locale: string }) {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const id = window.setInterval(() => setNow(new Date()), 10_000);
    return () => window.clearInterval(id);
  }, []);
  return (
    <time className="display-clock">{now.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' })}</time>
  );
}
