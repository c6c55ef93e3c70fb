// C9: the branch's public display. Every call and recall chimes and is spoken. Issue 17: when
// the browser keeps it silent a banner says so, large, with the way out; numbers read across a room.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { displayQuery } from '../api/queries';
import { BranchRoute } from '../common/BranchRoute';
import { formatClock } from '../common/time';
import { fill, useI18n } from '../i18n';
import { usePublicEvents } from '../realtime/useSocket';
import { chime, speak, spokenNumber } from './announce';
import './display.css';
import { useSoundAllowed } from './useSoundAllowed';

export function DisplayScreen({ branchId }: { branchId: number }) {
  const { t, locale, lang } = useI18n();
  const view = useQuery(displayQuery(branchId));
  const sound = useSoundAllowed();
  const calling = useMemo(() => view.data?.calling ?? [], [view.data]);
  // The view refetches on every event and when the socket (re)connects. A call or recall is
  // announced when it appears in the view — not on the event alone: a display whose socket
  // connected just after a call still hears of it through the refetch, and says it. The first
  // view is the baseline, so a restarted display does not repeat the calls already on it.
  usePublicEvents(branchId);
  const seen = useRef<Map<string, number> | null>(null);
  useEffect(() => {
    if (!view.data) return;
    // A call is said once it shows its desk.
    const shown = calling.flatMap((c) => (c.deskName ? [{ ...c, desk: c.deskName }] : []));
    const before = seen.current;
    seen.current = new Map(shown.map((c) => [c.number, c.recallCount]));
    if (!before) return;
    const fresh = shown.filter((c) => !before.has(c.number) || c.recallCount > (before.get(c.number) ?? 0));
    void fresh.reduce(
      (done, c) =>
        done
          .then(chime)
          .then(() =>
            speak(
              fill(t.display.speech, { number: spokenNumber(c.number), desk: c.desk }),
              lang === 'es' ? 'es-CO' : 'en-US',
            ),
          ),
      Promise.resolve(),
    );
  }, [view.data, calling, t, lang]);
  const [main, ...others] = calling;
  return (
    <main className="display" data-testid="display" data-sound={sound.allowed ? 'on' : 'off'}>
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
      {sound.blocked && (
        <div className="display-sound-banner" role="alert" data-testid="display-sound-blocked">
          <div>
            <p className="display-sound-title">{t.display.soundBlocked}</p>
            <p>{t.display.soundBlockedHow}</p>
          </div>
          <button type="button" className="btn btn-lg" onClick={sound.allow}>
            {t.display.sound}
          </button>
        </div>
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
