// H5: the customer picks a service and takes a ticket with a link to follow it.
import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { KioskTicket, PublicBranch } from '../api/types';
import { Notice } from '../common/Notice';
import { useAction } from '../common/useAction';
import { useLoad } from '../common/useLoad';
import { useI18n } from '../i18n';
import { LinkQr } from './LinkQr';

const RESET_AFTER_MS = 30_000;

export function KioskScreen({ branchId }: { branchId: number }) {
  const { t } = useI18n();
  const branch = useLoad(() => api.get<PublicBranch>(`/public/branches/${branchId}`), [branchId]);
  const [ticket, setTicket] = useState<KioskTicket>();
  const action = useAction();
  useEffect(() => {
    if (!ticket) return;
    const id = window.setTimeout(() => setTicket(undefined), RESET_AFTER_MS);
    return () => window.clearTimeout(id);
  }, [ticket]);
  const take = async (serviceId: number) => {
    const tk = await action.run(() => api.post<KioskTicket>(`/public/branches/${branchId}/tickets`, { serviceId }));
    if (tk) setTicket(tk);
  };
  const link = ticket ? `${window.location.origin}${ticket.statusUrl}` : '';
  return (
    <main className="kiosk" data-testid="kiosk">
      <header className="kiosk-head">
        <span className="brand"><span className="brand-mark" aria-hidden="true">V</span>{branch.data?.name ?? ''}</span>
      </header>
      <Notice kind="error" text={action.error ?? branch.error} />
      {ticket ? (
        <section className="kiosk-ticket" aria-live="polite">
          <span className="eyebrow">{t.kiosk.yourTicket}</span>
          <span className="kiosk-number mono" data-testid="kiosk-number">{ticket.number}</span>
          <span className="kiosk-service">{ticket.serviceName}</span>
          <p>{t.kiosk.follow}</p>
          <LinkQr url={link} label={t.kiosk.link} />
          <a className="kiosk-link" href={ticket.statusUrl} data-testid="kiosk-status-link">{link}</a>
          <button type="button" className="btn btn-lg" onClick={() => setTicket(undefined)}>{t.kiosk.again}</button>
        </section>
      ) : (
        <section className="kiosk-pick">
          <h1>{t.kiosk.title}</h1>
          <p className="muted">{t.kiosk.pick}</p>
          <div className="kiosk-grid">
            {branch.data?.services.map((s) => (
              <button key={s.id} type="button" className="kiosk-service-btn" disabled={action.busy} onClick={() => void take(s.id)}>
                <span className="kiosk-label">{s.label}</span><span>{s.name}</span>
              </button>
            ))}
          </div>
        </section>
      )}
    </main>
  );
}
