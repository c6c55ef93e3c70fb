// Section A: the agent's desk. With no shift open, the desk picker; with a customer at the
// desk (the server says which), the attention panel instead of the waiting list.
import { AttentionPanel } from '../attention/AttentionPanel';
import { Notice } from '../common/Notice';
import { useI18n } from '../i18n';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { CallAlerts } from './CallAlerts';
import { CallAlertSettings } from './CallAlertSettings';
import { DeskPicker } from './DeskPicker';
import './desk.css';
import { ServicesPanel } from './ServicesPanel';
import { useShift } from './shift';
import { StateBar } from './StateBar';
import { WaitingList } from './WaitingList';

export function DeskScreen() {
  const { t } = useI18n();
  const { shift, error } = useShift();
  const navigate = useNavigate();
  // Issue 17: what a screen reader says aloud when a customer is called to this desk; the live
  // region is in the page before the call, so the change is announced.
  const [announcement, announce] = useState('');
  if (shift === undefined)
    return (
      <main className="page">
        <Notice kind="error" text={error} />
        {!error && <p className="muted">{t.app.loading}</p>}
      </main>
    );
  if (shift === null) return <DeskPicker />;
  return (
    <div className="desk">
      <p className="sr-only" role="status" data-testid="desk-announcement">
        {announcement}
      </p>
      <StateBar shift={shift} />
      <div className="desk-body">
        <aside className="sidebar">
          <ServicesPanel shift={shift} />
          <CallAlertSettings />
          <button
            type="button"
            className="btn btn-block"
            onClick={() => void navigate('/tickets')}
            data-testid="view-all"
          >
            {t.menu.tickets}
          </button>
        </aside>
        <main className="content">
          {error && <Notice kind="error" text={error} />}
          <CallAlerts shift={shift} />
          {shift.currentTicketId ? (
            <AttentionPanel
              key={shift.currentTicketId}
              shift={shift}
              ticketId={shift.currentTicketId}
              announce={announce}
            />
          ) : (
            <WaitingList shift={shift} />
          )}
        </main>
      </div>
    </div>
  );
}
