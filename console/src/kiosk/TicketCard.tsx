// H5/H6: what the kiosk hands over — a number, its service and the status address as a QR code
// and as text — whether the customer took a ticket or checked in an appointment.
// Issue 17, kiosk mode: nothing here navigates (the address is read or scanned, never tapped: a
// tap would leave the kiosk on this customer's page), and the screen warns before it resets.
import type { KioskTicket } from '@domain/contracts/public';
import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n';
import { LinkQr } from './LinkQr';
import { ResetWarning } from './ResetWarning';
import { useResetCountdown } from './useResetCountdown';

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
  const { t, locale } = useI18n();
  const address = `${window.location.origin}${ticket.statusUrl}`;
  const { secondsLeft, keep } = useResetCountdown(onDone);
  // The ticket is what changed: say it (its heading takes the focus) and come back to it on "keep".
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="kiosk-ticket" aria-labelledby="kiosk-ticket-title">
      <h1 id="kiosk-ticket-title" className="kiosk-ticket-title" tabIndex={-1} ref={heading}>
        <span className="kiosk-eyebrow">{title}</span>
        <span className="kiosk-number mono" data-testid="kiosk-number">
          {ticket.number}
        </span>
      </h1>
      <span className="kiosk-service">{ticket.serviceName}</span>
      {/* Issue 20: on paper (80 mm, kiosk.css @media print) the time it was issued, and what the QR is for. */}
      <p className="kiosk-print-only kiosk-print-time" data-testid="kiosk-issued-at">
        {t.kiosk.issuedAt}:{' '}
        {new Date(ticket.issuedAt).toLocaleString(locale, { dateStyle: 'short', timeStyle: 'short' })}
      </p>
      <div className="kiosk-follow">
        <LinkQr url={address} label={t.kiosk.qr} />
        <div className="kiosk-follow-text">
          <p className="kiosk-screen-only">{t.kiosk.follow}</p>
          <p className="kiosk-print-only">{t.kiosk.printFollow}</p>
          <p className="kiosk-address mono" data-testid="kiosk-status-address">
            {address}
          </p>
        </div>
      </div>
      <div className="kiosk-ticket-actions">
        <button
          type="button"
          className="btn btn-primary kiosk-big-btn"
          data-testid="kiosk-print"
          onClick={() => {
            keep();
            window.print();
          }}
        >
          {t.kiosk.print}
        </button>
        <button type="button" className="btn kiosk-big-btn" onClick={onDone}>
          {done}
        </button>
      </div>
      <ResetWarning
        secondsLeft={secondsLeft}
        onKeep={() => {
          keep();
          heading.current?.focus();
        }}
      />
    </section>
  );
}
