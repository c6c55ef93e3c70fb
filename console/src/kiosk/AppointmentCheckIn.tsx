// H6, issue 13: "I have an appointment" — the customer types the ID number they booked with and
// the kiosk checks in today's appointment of this branch. A way back to the start is always on
// screen, and an idle form goes back by itself, so nobody is left stranded on it.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api } from '../api/client';
import type { KioskTicket } from '../api/types';
import { Notice } from '../common/Notice';
import { useAction } from '../common/useAction';
import { useI18n } from '../i18n';

const IDLE_BACK_MS = 60_000;

export function AppointmentCheckIn({ branchId, onCheckedIn, onBack }: { branchId: number; onCheckedIn(t: KioskTicket): void; onBack(): void }) {
  const { t } = useI18n();
  const action = useAction();
  const [idNumber, setIdNumber] = useState('');
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  useEffect(() => {
    const id = window.setTimeout(onBack, IDLE_BACK_MS);
    return () => window.clearTimeout(id);
  }, [idNumber, action.error, onBack]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const tk = await action.run(() => api.post<KioskTicket>(`/public/branches/${branchId}/check-in`, { idNumber: idNumber.trim() }));
    if (tk) onCheckedIn(tk);
  };
  return (
    <section className="kiosk-pick">
      <h1>{t.kiosk.checkInTitle}</h1>
      <form className="kiosk-form" onSubmit={(e) => void submit(e)} noValidate>
        <label className="field">
          <span className="kiosk-field-label">{t.kiosk.idNumber}</span>
          <input ref={input} className="kiosk-input mono" value={idNumber} maxLength={30} autoComplete="off" spellCheck={false} aria-describedby="kiosk-id-hint"
            aria-invalid={action.error ? true : undefined} data-testid="kiosk-id-number" onChange={(e) => setIdNumber(e.target.value)} />
          <span id="kiosk-id-hint" className="muted">{t.kiosk.idHint}</span>
        </label>
        <Notice kind="error" text={action.fields.idNumber ?? action.error} />
        <button type="submit" className="btn btn-primary kiosk-big-btn" disabled={action.busy || idNumber.trim() === ''}>{t.kiosk.checkIn}</button>
        <button type="button" className="btn kiosk-big-btn" onClick={onBack}>{t.kiosk.back}</button>
      </form>
    </section>
  );
}
