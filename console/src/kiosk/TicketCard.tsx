// H5/H6: what the kiosk hands over — a number, its service and the status link as a QR code —
// whether the customer took a ticket or checked in an appointment.
import type { KioskTicket } from '@domain/contracts/public';
import { useI18n } from '../i18n';
import { LinkQr } from './LinkQr';

export function TicketCard({
  ticket,
  title,
  done,
  onDone,
}: {
  ticket: KioskTicket;
  title: string;
  done: string;
  onDone(): void;
}) {
  const { t } = useI18n();
  const link = `${window.location.origin}${ticket.statusUrl}`;
  return (
    <section className="kiosk-ticket" aria-live="polite">
      <span className="eyebrow">{title}</span>
      <span className="kiosk-number mono" data-testid="kiosk-number">
        {ticket.number}
      </span>
      <span className="kiosk-service">{ticket.serviceName}</span>
      <p>{t.kiosk.follow}</p>
      <LinkQr url={link} label={t.kiosk.link} />
      <a className="kiosk-link" href={ticket.statusUrl} data-testid="kiosk-status-link">
        {link}
      </a>
      <button type="button" className="btn btn-lg" onClick={onDone}>
        {done}
      </button>
    </section>
  );
}
