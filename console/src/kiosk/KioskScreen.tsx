// H5/H6: the customer picks a service and takes a ticket, or checks in an appointment; either
// way they leave with a number and an address to follow it. Issue 17, kiosk mode: a public
// touch screen that nothing on it can lead away from, with large text and targets, in the
// customer's language (es/en) — and back in Spanish for the next customer.
import type { KioskTicket } from '@domain/contracts/public';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { api } from '../api/client';
import { useApiMutation, useErrorText } from '../api/mutation';
import { publicBranchQuery } from '../api/queries';
import { BranchRoute } from '../common/BranchRoute';
import { LangSwitch } from '../common/LangSwitch';
import { Notice } from '../common/Notice';
import { fill, useI18n } from '../i18n';
import { AppointmentCheckIn } from './AppointmentCheckIn';
import './kiosk.css';
import type { KioskTake } from './KioskDetails';
import { TicketCard } from './TicketCard';

// Issue 20: the optional details step (priority, who she is, consent) is not in the first download.
const loadDetails = () => import('./KioskDetails');
const KioskDetails = lazy(async () => ({ default: (await loadDetails()).KioskDetails }));

export function KioskScreen({ branchId }: { branchId: number }) {
  const { t, lang, setLang } = useI18n();
  const branch = useQuery(publicBranchQuery(branchId));
  const branchError = useErrorText(branch.error);
  const [ticket, setTicket] = useState<{ tk: KioskTicket; checkedIn: boolean }>();
  const [appointment, setAppointment] = useState(false);
  // Issue 20: what she told the kiosk before picking her service (none: a ticket in one tap).
  const [details, setDetails] = useState<KioskTake>();
  const [editing, setEditing] = useState(false);
  const take = useApiMutation(
    (serviceId: number) =>
      api.post<KioskTicket>(`/public/branches/${branchId}/tickets`, {
        serviceId,
        ...details,
        ...(details ? { lang } : {}),
      }),
    {
      onSuccess: (tk) => setTicket({ tk, checkedIn: false }),
    },
  );
  // A refusal of what she typed (an e-mail that is none, a priority no longer offered) takes her back to it.
  const refusedDetails = Object.keys(take.fields).some((k) => k.startsWith('customer') || k === 'priorityId');
  useEffect(() => {
    if (refusedDetails) setEditing(true);
  }, [refusedDetails]);
  // Once the start screen is up, the next step's code is fetched while the customer reads it.
  const ready = !!branch.data;
  useEffect(() => {
    if (ready) loadDetails().catch((err: unknown) => console.warn('kiosk details did not preload', err));
  }, [ready]);
  const { reset } = take;
  const toStart = useCallback(() => {
    setTicket(undefined);
    setAppointment(false);
    setDetails(undefined);
    setEditing(false);
    reset();
    if (lang !== 'es') setLang('es');
  }, [reset, lang, setLang]);
  const priorityName = branch.data?.priorities.find((p) => p.id === details?.priorityId)?.name;
  const screen = ticket ? (
    <TicketCard
      key={ticket.tk.number}
      ticket={ticket.tk}
      title={ticket.checkedIn ? t.kiosk.checkedIn : t.kiosk.yourTicket}
      done={ticket.checkedIn ? t.kiosk.back : t.kiosk.again}
      onDone={toStart}
    />
  ) : editing ? (
    <Suspense fallback={null}>
      <KioskDetails
        priorities={branch.data?.priorities ?? []}
        initial={details}
        refused={take.fields}
        onDone={(d) => {
          reset();
          setDetails(Object.keys(d).length ? d : undefined);
          setEditing(false);
        }}
        onBack={toStart}
      />
    </Suspense>
  ) : appointment ? (
    <AppointmentCheckIn branchId={branchId} onCheckedIn={(tk) => setTicket({ tk, checkedIn: true })} onBack={toStart} />
  ) : (
    <section className="kiosk-pick">
      <h1>{t.kiosk.title}</h1>
      <p className="muted">{t.kiosk.pick}</p>
      <div className="kiosk-grid">
        {branch.data?.services.map((s) => (
          <button
            key={s.id}
            type="button"
            className="kiosk-service-btn"
            disabled={take.isPending}
            onClick={() => take.mutate(s.id)}
          >
            <span className="kiosk-label">{s.label}</span>
            <span>{s.name}</span>
          </button>
        ))}
        <button
          type="button"
          className="kiosk-service-btn kiosk-appointment-btn"
          onClick={() => {
            reset();
            setAppointment(true);
          }}
        >
          <span className="kiosk-label" aria-hidden="true">
            ✓
          </span>
          <span>{t.kiosk.haveAppointment}</span>
        </button>
        <button
          type="button"
          className="kiosk-service-btn kiosk-appointment-btn"
          data-testid="kiosk-details"
          onClick={() => {
            reset();
            setEditing(true);
          }}
        >
          <span className="kiosk-label" aria-hidden="true">
            +
          </span>
          <span>{details ? t.kiosk.detailsChange : t.kiosk.detailsOpen}</span>
        </button>
      </div>
      {details && (
        <p className="kiosk-details-set" role="status" data-testid="kiosk-details-set">
          {priorityName ? fill(t.kiosk.detailsSetPriority, { priority: priorityName }) : t.kiosk.detailsSet}
        </p>
      )}
    </section>
  );
  return (
    <main className="kiosk" data-testid="kiosk">
      <header className="kiosk-head">
        <span className="brand">
          <span className="brand-mark" aria-hidden="true">
            V
          </span>
          {branch.data?.name ?? ''}
        </span>
        <LangSwitch />
      </header>
      <Notice kind="error" text={(refusedDetails ? null : take.message) ?? branchError} />
      {screen}
    </main>
  );
}

/** `/kiosk/:branchId`. */
export const KioskRoute = ({ branchId }: { branchId: string }) => <BranchRoute id={branchId} screen={KioskScreen} />;
