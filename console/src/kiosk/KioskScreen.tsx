// H5/H6: the customer picks a service and takes a ticket, or checks in an appointment; either
// way they leave with a number and a link to follow it.
import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/client';
import type { KioskTicket, PublicBranch } from '../api/types';
import { Notice } from '../common/Notice';
import { useAction } from '../common/useAction';
import { useLoad } from '../common/useLoad';
import { useI18n } from '../i18n';
import { AppointmentCheckIn } from './AppointmentCheckIn';
import { TicketCard } from './TicketCard';

const RESET_AFTER_MS = 30_000;

export function KioskScreen({ branchId }: { branchId: number }) {
  const { t } = useI18n();
  const branch = useLoad(() => api.get<PublicBranch>(`/public/branches/${branchId}`), [branchId]);
  const [ticket, setTicket] = useState<{ tk: KioskTicket; checkedIn: boolean }>();
  const [appointment, setAppointment] = useState(false);
  const action = useAction();
  const { clear } = action;
  const toStart = useCallback(() => {
    setTicket(undefined);
    setAppointment(false);
    clear();
  }, [clear]);
  useEffect(() => {
    if (!ticket) return;
    const id = window.setTimeout(toStart, RESET_AFTER_MS);
    return () => window.clearTimeout(id);
  }, [ticket, toStart]);
  const take = async (serviceId: number) => {
    const tk = await action.run(() => api.post<KioskTicket>(`/public/branches/${branchId}/tickets`, { serviceId }));
    if (tk) setTicket({ tk, checkedIn: false });
  };
  const screen = ticket
    ? <TicketCard ticket={ticket.tk} title={ticket.checkedIn ? t.kiosk.checkedIn : t.kiosk.yourTicket} done={ticket.checkedIn ? t.kiosk.back : t.kiosk.again} onDone={toStart} />
    : appointment
      ? <AppointmentCheckIn branchId={branchId} onCheckedIn={(tk) => setTicket({ tk, checkedIn: true })} onBack={toStart} />
      : (
        <section className="kiosk-pick">
          <h1>{t.kiosk.title}</h1>
          <p className="muted">{t.kiosk.pick}</p>
          <div className="kiosk-grid">
            {branch.data?.services.map((s) => (
              <button key={s.id} type="button" className="kiosk-service-btn" disabled={action.busy} onClick={() => void take(s.id)}>
                <span className="kiosk-label">{s.label}</span><span>{s.name}</span>
              </button>
            ))}
            <button type="button" className="kiosk-service-btn kiosk-appointment-btn" onClick={() => { clear(); setAppointment(true); }}>
              <span className="kiosk-label" aria-hidden="true">✓</span><span>{t.kiosk.haveAppointment}</span>
            </button>
          </div>
        </section>
      );
  return (
    <main className="kiosk" data-testid="kiosk">
      <header className="kiosk-head">
        <span className="brand"><span className="brand-mark" aria-hidden="true">V</span>{branch.data?.name ?? ''}</span>
      </header>
      <Notice kind="error" text={action.error ?? branch.error} />
      {screen}
    </main>
  );
}
