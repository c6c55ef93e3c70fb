// Issue 16: the agent's choices for call alerts — the chime (kept on this device) and desktop
// notifications, asked for only when the agent presses the button (never by surprise).
import { useState } from 'react';
import { useI18n } from '../i18n';
import { chimeMuted, desktopPermission, setChimeMuted, type DesktopPermission } from './attention-getters';

export function CallAlertSettings() {
  const { t } = useI18n();
  const [muted, setMuted] = useState(chimeMuted);
  const [permission, setPermission] = useState<DesktopPermission>(desktopPermission);
  const ask = () => {
    Notification.requestPermission().then(setPermission, (err: unknown) =>
      console.warn('desktop notifications could not be asked for', err),
    );
  };
  const said: Partial<Record<DesktopPermission, string>> = {
    granted: t.callAlert.desktopOn,
    denied: t.callAlert.desktopBlocked,
    unsupported: t.callAlert.desktopUnsupported,
  };
  return (
    <section className="panel" aria-labelledby="call-alerts-title" data-testid="call-alert-settings">
      <h3 className="panel-title" id="call-alerts-title">
        {t.callAlert.settings}
      </h3>
      <label className="check">
        <input
          type="checkbox"
          checked={!muted}
          onChange={(e) => {
            setChimeMuted(!e.target.checked);
            setMuted(!e.target.checked);
          }}
        />
        {t.callAlert.sound}
      </label>
      {permission === 'default' ? (
        <button type="button" className="btn btn-sm btn-block btn-wrap" onClick={ask}>
          {t.callAlert.desktopAsk}
        </button>
      ) : (
        <p className="hint" role="status">
          {said[permission]}
        </p>
      )}
    </section>
  );
}
