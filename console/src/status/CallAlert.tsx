// Issue 17: what tells the customer they are called — the tab's title, a live region that screen
// readers speak, vibration and a chime (useCallAlert) — and the offer to turn the chime on.
import type { PublicStatus } from '@domain/contracts/public';
import { fill, useI18n } from '../i18n';
import { useCallAlert, useDocumentTitle, useSoundUnlock } from './useCallAlert';

export function CallAlert({ s }: { s: PublicStatus }) {
  const { t } = useI18n();
  const sound = useSoundUnlock();
  const desk = s.deskName ?? '';
  const called = s.status === 'calling';
  useCallAlert(s.status, sound.ready);
  useDocumentTitle(
    called
      ? fill(t.status.calledTitle, { number: s.number, desk })
      : fill(t.status.pageTitle, { number: s.number, branch: s.branchName }),
  );
  const waiting = s.status === 'waiting' || s.status === 'scheduled';
  return (
    <>
      {/* Always in the page, so the sentence put in it is spoken when the call arrives. */}
      <p className="sr-only" aria-live="assertive" data-testid="status-announce">
        {called ? fill(t.status.calledTo, { desk }) : ''}
      </p>
      {waiting && !sound.ready && (
        <button type="button" className="btn btn-lg status-sound" onClick={sound.unlock}>
          {t.status.soundOn}
        </button>
      )}
      {waiting && sound.ready && <p className="status-sound-ready">{t.status.soundReady}</p>}
    </>
  );
}
