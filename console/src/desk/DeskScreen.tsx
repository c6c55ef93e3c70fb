// Section A: the agent's desk. With no shift open, the desk picker; with a customer at the
// desk (the server says which), the attention panel instead of the waiting list.
import { AttentionPanel } from '../attention/AttentionPanel';
import { Notice } from '../common/Notice';
import { useI18n } from '../i18n';
import { useNavigate } from 'react-router';
import { DeskPicker } from './DeskPicker';
import { ServicesPanel } from './ServicesPanel';
import { useShift } from './shift';
import { StateBar } from './StateBar';
import { WaitingList } from './WaitingList';

export function DeskScreen() {
  const { t } = useI18n();
  const { shift, error } = useShift();
  const navigate = useNavigate();
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
      <StateBar shift={shift} />
      <div className="desk-body">
        <aside className="sidebar">
          <ServicesPanel shift={shift} />
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
          {shift.currentTicketId ? (
            <AttentionPanel key={shift.currentTicketId} shift={shift} ticketId={shift.currentTicketId} />
          ) : (
            <WaitingList shift={shift} />
          )}
        </main>
      </div>
    </div>
  );
}
