// Issue 20: before the service, if she wants — a priority the entity configured (elderly,
// pregnant…), and who she is (ID number, mobile, e-mail) with the channels she agrees to be told on;
// then she taps her service as anyone does. The kiosk shows nothing back about anyone: it only
// links. A refusal of what she typed brings her back here with it (KioskScreen). Not in the first
// download (issue 17); an idle form goes back to the start after the usual warning.
import type { KioskPriority } from '@domain/contracts/public';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Notice } from '../common/Notice';
import { useI18n } from '../i18n';
import { ResetWarning } from './ResetWarning';
import { useResetCountdown } from './useResetCountdown';

export interface KioskTake {
  priorityId?: number;
  customer?: {
    idNumber?: string;
    phone?: string;
    email?: string;
    notifyEmail?: boolean;
    notifySms?: boolean;
    notifyWhatsapp?: boolean;
  };
}

const CONTACTS = ['idNumber', 'phone', 'email'] as const;
const CONSENTS = [
  ['notifyEmail', 'consentEmail'],
  ['notifySms', 'consentSms'],
  ['notifyWhatsapp', 'consentWhatsapp'],
] as const;

/** What the form holds as the API's body: blanks dropped, no customer when nothing was typed. */
function bodyOf(
  priorityId: number | undefined,
  typed: Record<string, string>,
  consent: Record<string, boolean>,
): KioskTake {
  const customer: NonNullable<KioskTake['customer']> = {};
  for (const k of CONTACTS) if (typed[k]?.trim()) customer[k] = typed[k].trim();
  for (const [k] of CONSENTS) if (consent[k]) customer[k] = true;
  return { ...(priorityId ? { priorityId } : {}), ...(Object.keys(customer).length ? { customer } : {}) };
}

export function KioskDetails({
  priorities,
  initial,
  refused,
  onDone,
  onBack,
}: {
  priorities: KioskPriority[];
  initial: KioskTake | undefined;
  /** The API's field refusals of what was typed (`customer.email`, `priorityId`), worded. */
  refused: Record<string, string>;
  onDone(details: KioskTake): void;
  onBack(): void;
}) {
  const { t } = useI18n();
  const [priorityId, setPriorityId] = useState<number | undefined>(initial?.priorityId);
  const [typed, setTyped] = useState<Record<string, string>>(() => {
    const c = initial?.customer ?? {};
    return { idNumber: c.idNumber ?? '', phone: c.phone ?? '', email: c.email ?? '' };
  });
  const [consent, setConsent] = useState<Record<string, boolean>>(() => {
    const c = initial?.customer ?? {};
    return { notifyEmail: !!c.notifyEmail, notifySms: !!c.notifySms, notifyWhatsapp: !!c.notifyWhatsapp };
  });
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const { secondsLeft, keep } = useResetCountdown(onBack);
  useEffect(keep, [priorityId, typed, consent, keep]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    onDone(bodyOf(priorityId, typed, consent));
  };
  const field = (k: (typeof CONTACTS)[number]) => refused[`customer.${k}`];
  const labels = { idNumber: t.kiosk.idNumber, phone: t.kiosk.phone, email: t.kiosk.email };
  return (
    <section className="kiosk-pick kiosk-details">
      <h1 tabIndex={-1} ref={heading}>
        {t.kiosk.detailsTitle}
      </h1>
      <p className="muted">{t.kiosk.detailsHint}</p>
      <form className="kiosk-form kiosk-details-form" onSubmit={submit} noValidate>
        {priorities.length > 0 && (
          <fieldset className="kiosk-fieldset">
            <legend>{t.kiosk.priorityLegend}</legend>
            <div className="kiosk-choices" data-testid="kiosk-priorities">
              {[{ id: 0, name: t.kiosk.noPriority }, ...priorities].map((p) => (
                <label key={p.id} className={`kiosk-choice${(priorityId ?? 0) === p.id ? ' kiosk-choice-on' : ''}`}>
                  <input
                    type="radio"
                    name="priority"
                    checked={(priorityId ?? 0) === p.id}
                    onChange={() => setPriorityId(p.id || undefined)}
                  />
                  {p.name}
                </label>
              ))}
            </div>
            <Notice kind="error" text={refused.priorityId ?? null} />
          </fieldset>
        )}
        <fieldset className="kiosk-fieldset">
          <legend>{t.kiosk.contactLegend}</legend>
          <p className="muted kiosk-hint">{t.kiosk.contactHint}</p>
          {CONTACTS.map((k) => (
            <label key={k} className="field">
              <span className="kiosk-field-label">{labels[k]}</span>
              <input
                className={`kiosk-input${k === 'idNumber' ? ' mono' : ''}`}
                value={typed[k] ?? ''}
                maxLength={k === 'email' ? 254 : 30}
                inputMode={k === 'phone' ? 'tel' : k === 'email' ? 'email' : 'text'}
                type={k === 'email' ? 'email' : 'text'}
                autoComplete="off"
                spellCheck={false}
                aria-invalid={field(k) ? true : undefined}
                data-testid={`kiosk-${k}`}
                onChange={(e) => setTyped((v) => ({ ...v, [k]: e.currentTarget.value }))}
              />
              <Notice kind="error" text={field(k) ?? null} />
            </label>
          ))}
          <fieldset className="kiosk-fieldset kiosk-consents">
            <legend>{t.kiosk.consentLegend}</legend>
            {CONSENTS.map(([k, label]) => (
              <label key={k} className={`kiosk-choice${consent[k] ? ' kiosk-choice-on' : ''}`}>
                <input
                  type="checkbox"
                  checked={!!consent[k]}
                  data-testid={`kiosk-${k}`}
                  onChange={(e) => setConsent((c) => ({ ...c, [k]: e.currentTarget.checked }))}
                />
                {t.kiosk[label]}
              </label>
            ))}
          </fieldset>
        </fieldset>
        <button type="submit" className="btn btn-primary kiosk-big-btn" data-testid="kiosk-details-done">
          {t.kiosk.detailsDone}
        </button>
        <button type="button" className="btn kiosk-big-btn" onClick={onBack}>
          {t.kiosk.back}
        </button>
      </form>
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
