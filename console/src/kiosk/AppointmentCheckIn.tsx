// H6, issue 13: "I have an appointment" — the customer types the ID number they booked with, or
// (issue 20) the appointment's check-in code, and the kiosk checks in today's appointment of this
// branch. A keyboard-wedge scanner reading the confirmation's QR types the code and Enter into the
// same field, so the field keeps the focus on this screen, and after a miss its text is selected:
// the next scan replaces it rather than adding to it. A way back to the start is always on
// screen, and an idle form goes back by itself, so nobody is left stranded on it — issue 17:
// after a warning that can be kept (the ticket screen's ResetWarning), never silently.
import type { KioskTicket } from '@domain/contracts/public';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { useApiMutation } from '../api/mutation';
import { Notice } from '../common/Notice';
import { useI18n } from '../i18n';
import { ResetWarning } from './ResetWarning';
import { useResetCountdown } from './useResetCountdown';

export function AppointmentCheckIn({
  branchId,
  onCheckedIn,
  onBack,
}: {
  branchId: number;
  onCheckedIn(t: KioskTicket): void;
  onBack(): void;
}) {
  const { t } = useI18n();
  const [idNumber, setIdNumber] = useState('');
  const checkIn = useApiMutation(
    () => api.post<KioskTicket>(`/public/branches/${branchId}/check-in`, { entry: idNumber.trim() }),
    { onSuccess: onCheckedIn },
  );
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  useEffect(() => {
    if (checkIn.message || checkIn.fields.entry) input.current?.select();
  }, [checkIn.message, checkIn.fields.entry]);
  // Idle time counts from the last thing that happened on the form: a key typed, an answer shown.
  const { secondsLeft, keep } = useResetCountdown(onBack);
  useEffect(keep, [idNumber, checkIn.message, keep]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    checkIn.mutate();
  };
  return (
    <section className="kiosk-pick">
      <h1>{t.kiosk.checkInTitle}</h1>
      <form className="kiosk-form" onSubmit={submit} noValidate>
        <label className="field">
          <span className="kiosk-field-label">{t.kiosk.idNumber}</span>
          <input
            ref={input}
            className="kiosk-input mono"
            value={idNumber}
            maxLength={40}
            autoComplete="off"
            spellCheck={false}
            aria-describedby="kiosk-id-hint"
            aria-invalid={checkIn.message ? true : undefined}
            data-testid="kiosk-id-number"
            onChange={(e) => setIdNumber(e.target.value)}
            // A tap on nothing leaves focus nowhere: back to the field, where the scanner types.
            onBlur={(e) => {
              if (!e.relatedTarget)
                setTimeout(() => document.activeElement === document.body && input.current?.focus());
            }}
          />
          <span id="kiosk-id-hint" className="muted">
            {t.kiosk.idHint}
          </span>
        </label>
        <Notice kind="error" text={checkIn.fields.entry ?? checkIn.message} />
        <button
          type="submit"
          className="btn btn-primary kiosk-big-btn"
          disabled={checkIn.isPending || idNumber.trim() === ''}
        >
          {t.kiosk.checkIn}
        </button>
        <button type="button" className="btn kiosk-big-btn" onClick={onBack}>
          {t.kiosk.back}
        </button>
      </form>
      <ResetWarning
        secondsLeft={secondsLeft}
        onKeep={() => {
          keep();
          input.current?.focus();
        }}
      />
    </section>
  );
}
