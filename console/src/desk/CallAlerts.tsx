// Issue 16: the call alerts, and why a call left this desk, said politely (the live region is on
// the page before the words arrive, so screen readers read them) and kept until dismissed.
import { fill, useI18n } from '../i18n';
import { factText } from '../tickets/stepText';
import type { ShiftView } from '@domain/contracts/shifts';
import { useCallAlerts } from './useCallAlerts';

/** The desk's call alerts (useCallAlerts) and the notice of a call that left without the agent's doing. */
export function CallAlerts({ shift }: { shift: ShiftView }) {
  const { t } = useI18n();
  const { lost, dismiss } = useCallAlerts(shift);
  return (
    <div role="status" className="lost-call-region" data-testid="call-lost">
      {lost && (
        <div className="notice notice-info lost-call" data-kind={lost.kind}>
          <div>
            <p className="lost-call-text">
              {fill(t.callAlert[lost.kind], { number: lost.number, name: lost.by ?? t.callAlert.someone })}
            </p>
            {lost.facts.length > 0 && <p className="muted">{lost.facts.map((f) => factText(t, f)).join(' · ')}</p>}
          </div>
          <button type="button" className="btn btn-sm" onClick={dismiss}>
            {t.callAlert.dismiss}
          </button>
        </div>
      )}
    </div>
  );
}
