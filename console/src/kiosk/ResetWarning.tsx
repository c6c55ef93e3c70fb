// Issue 17: "this screen goes back to the start in N s", with the button that keeps it. Screen
// readers hear one sentence when the warning appears (not every second of the countdown).
import { fill, useI18n } from '../i18n';

export function ResetWarning({ secondsLeft, onKeep }: { secondsLeft: number | undefined; onKeep(): void }) {
  const { t } = useI18n();
  const warning = secondsLeft !== undefined;
  return (
    <div className="kiosk-reset" data-testid="kiosk-reset" hidden={!warning}>
      {/* Always in the page, so the sentence put in it is announced when the warning appears. */}
      <p className="sr-only" role="status">
        {warning ? t.kiosk.resetSoon : ''}
      </p>
      {warning && (
        <>
          <p className="kiosk-reset-text" aria-hidden="true">
            {fill(t.kiosk.resetIn, { seconds: secondsLeft })}
          </p>
          <button type="button" className="btn btn-primary kiosk-big-btn" onClick={onKeep}>
            {t.kiosk.keep}
          </button>
        </>
      )}
    </div>
  );
}
