// C1–C8: the customer being called or attended at this desk. What happens after Finish (next
// customer, next state) is the server's dispatch; this screen just follows the shift.
// Issue 17: a new call, and each step of it, puts the focus on this panel, whose first action is
// then one Tab away, and a new call is announced (the desk's live region, `announce`).
import type { ShiftView } from '@domain/contracts/shifts';
import { actionsAllowedFrom } from '@domain/ticket-actions';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useRef } from 'react';
import { api } from '../api/client';
import { useApiMutation, useErrorText } from '../api/mutation';
import { saidOnTheWay } from '@domain/tickets';
import { LIVE_KEYS, ticketQuery, timelineQuery } from '../api/queries';
import { StatusBadge } from '../common/Badge';
import { Elapsed } from '../common/Elapsed';
import { Notice } from '../common/Notice';
import { formatDateTime } from '../common/time';
import { fill, useI18n } from '../i18n';
import { Timeline } from '../tickets/Timeline';
import { CustomerForm } from './CustomerForm';
import { CustomerVisits } from './CustomerVisits';
import { NoteBox } from './NoteBox';
import { OtherActions } from './OtherActions';
import { TopicsPicker } from './TopicsPicker';

const VideoCall = lazy(() => import('../video').then((m) => ({ default: m.VideoCall })));

export function AttentionPanel({
  shift,
  ticketId,
  announce,
}: {
  shift: ShiftView;
  ticketId: string;
  announce(text: string): void;
}) {
  const { t, locale } = useI18n();
  const panel = useRef<HTMLElement>(null);
  const client = useQueryClient();
  const ticket = useQuery(ticketQuery(ticketId));
  const loadError = useErrorText(ticket.error);
  const step = useApiMutation(
    ({ path, body }: { path: 'recall' | 'attend' | 'finish'; body?: object }) =>
      api.post(`/tickets/${ticketId}/${path}`, body ?? {}),
    { invalidates: LIVE_KEYS },
  );
  const tk = ticket.data;
  const status = tk?.status;
  // Issue 17: the customer said "on my way" from their status page during this call.
  const timeline = useQuery({ ...timelineQuery(ticketId), enabled: status === 'calling' });
  const onTheWay = status === 'calling' && saidOnTheWay((timeline.data ?? []).map((e) => e.type));
  const said = useRef(false);
  useEffect(() => {
    if (!status || !tk) return;
    panel.current?.focus();
    if (status === 'calling' && !said.current)
      announce(fill(t.attention.newCall, { number: tk.number, name: tk.customerName ?? t.attention.anonymous }));
    said.current = true;
    // Only a change of step moves the focus, not every refetch of the same one.
  }, [status]);
  if (!tk)
    return (
      <section className="panel grow">
        <Notice kind="error" text={loadError} />
        {!loadError && <p className="muted">{t.app.loading}</p>}
      </section>
    );
  const calling = tk.status === 'calling';
  // One button per step the ticket's status allows (domain/ticket-actions.ts).
  const allowed = actionsAllowedFrom(tk.status);
  const button = (path: 'recall' | 'attend' | 'finish', label: string, primary: boolean, body?: object) =>
    allowed.includes(path) && (
      <button
        type="button"
        className={primary ? 'btn btn-primary' : 'btn'}
        // Not `disabled`: a disabled button drops the focus to <body> while the step is sent.
        aria-disabled={step.isPending}
        onClick={() => !step.isPending && step.mutate({ path, body })}
      >
        {label}
      </button>
    );
  return (
    <section
      ref={panel}
      tabIndex={-1}
      className="attention grow"
      aria-label={`${calling ? t.attention.calling : t.attention.attending} ${tk.number}`}
      data-testid="attention"
      data-status={tk.status}
    >
      <header className={`call-notice ${calling ? 'is-calling' : 'is-attending'}`}>
        <div className="call-number mono" data-testid="call-number">
          {tk.number}
        </div>
        <div className="call-who">
          <span className="eyebrow">{calling ? t.attention.calling : t.attention.attending}</span>
          <strong className="call-name" data-testid="call-name">
            {tk.customerName ?? t.attention.anonymous}
          </strong>
          <span className="call-service">{tk.serviceName}</span>
        </div>
        <div className="call-state">
          <StatusBadge status={tk.status} />
          <Elapsed since={tk.statusSince} className="clock clock-lg" />
          <span className="eyebrow">{t.attention.elapsed}</span>
        </div>
      </header>
      <Notice kind="info" text={onTheWay ? t.attention.onTheWay : null} />
      <Notice kind="error" text={step.message} />
      {/* A video call has its own: it attends when the guest joins and its one end button finishes. */}
      {tk.kind === 'virtual' ? (
        <Suspense fallback={<p className="muted">{t.app.loading}</p>}>
          <VideoCall
            ticketId={tk.id}
            onDone={() => LIVE_KEYS.forEach((queryKey) => void client.invalidateQueries({ queryKey }))}
          />
        </Suspense>
      ) : (
        <div className="call-actions">
          {/* The step most often taken first: one Tab from the panel. */}
          {button('attend', t.attention.arrived, true)}
          {button('recall', t.attention.recall, false)}
          {button('finish', t.attention.finish, true, { topicIds: tk.topicIds })}
        </div>
      )}
      {tk.kind !== 'virtual' && <OtherActions ticket={tk} branchId={shift.branchId} />}
      <dl className="facts">
        <div>
          <dt>{t.attention.service}</dt>
          <dd>
            {tk.number.split('-')[0]} · {tk.serviceName}
          </dd>
        </div>
        {tk.scheduledAt && (
          <div>
            <dt>{t.attention.scheduled}</dt>
            <dd>{formatDateTime(tk.scheduledAt, locale)}</dd>
          </div>
        )}
        <div>
          <dt>{t.attention.arrival}</dt>
          <dd>{formatDateTime(tk.arrivalAt, locale)}</dd>
        </div>
        <div>
          <dt>{t.attention.recalls}</dt>
          <dd data-testid="recall-count">{tk.recallCount}</dd>
        </div>
        <div>
          <dt>{t.desk.deskLabel}</dt>
          <dd>{shift.deskName}</dd>
        </div>
      </dl>
      <div className="attention-grid">
        <CustomerForm ticketId={tk.id} customerId={tk.customerId} />
        <div className="stack">
          <TopicsPicker ticketId={tk.id} serviceId={tk.serviceId} selected={tk.topicIds} />
          <NoteBox ticketId={tk.id} />
        </div>
      </div>
      {tk.customerId !== null && <CustomerVisits customerId={tk.customerId} />}
      <section className="panel">
        <h3 className="panel-title">{t.attention.timeline}</h3>
        <Timeline ticketId={tk.id} />
      </section>
    </section>
  );
}
