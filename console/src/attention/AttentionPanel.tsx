// C1–C8: the customer being called or attended at this desk. What happens after Finish (next
// customer, next state) is the server's dispatch; this screen just follows the shift.
import { lazy, Suspense } from 'react';
import { api } from '../api/client';
import type { ShiftView, TicketItem } from '../api/types';
import { StatusBadge } from '../common/Badge';
import { Elapsed } from '../common/Elapsed';
import { Notice } from '../common/Notice';
import { formatDateTime } from '../common/time';
import { useAction } from '../common/useAction';
import { useLoad } from '../common/useLoad';
import { useShift } from '../desk/shift';
import { useI18n } from '../i18n';
import { Timeline } from '../tickets/Timeline';
import { CustomerForm } from './CustomerForm';
import { NoteBox } from './NoteBox';
import { TopicsPicker } from './TopicsPicker';

const VideoCall = lazy(() => import('../video').then((m) => ({ default: m.VideoCall })));

export function AttentionPanel({ shift, ticketId }: { shift: ShiftView; ticketId: string }) {
  const { t, locale } = useI18n();
  const { queueVersion, reload } = useShift();
  const ticket = useLoad(() => api.get<TicketItem>(`/tickets/${ticketId}`), [ticketId, queueVersion]);
  const action = useAction();
  const step = (path: string, body: object = {}) => action.run(async () => {
    await api.post(`/tickets/${ticketId}/${path}`, body);
    ticket.reload();
    await reload();
  });
  const tk = ticket.data;
  if (!tk) return <section className="panel grow"><Notice kind="error" text={ticket.error} />{!ticket.error && <p className="muted">{t.app.loading}</p>}</section>;
  const calling = tk.status === 'calling';
  return (
    <section className="attention grow" aria-label={calling ? t.attention.calling : t.attention.attending} data-testid="attention" data-status={tk.status}>
      <header className={`call-notice ${calling ? 'is-calling' : 'is-attending'}`}>
        <div className="call-number mono" data-testid="call-number">{tk.number}</div>
        <div className="call-who">
          <span className="eyebrow">{calling ? t.attention.calling : t.attention.attending}</span>
          <strong className="call-name" data-testid="call-name">{tk.customerName ?? t.attention.anonymous}</strong>
          <span className="call-service">{tk.serviceName}</span>
        </div>
        <div className="call-state">
          <StatusBadge status={tk.status} />
          <Elapsed since={tk.statusSince} className="clock clock-lg" />
          <span className="eyebrow">{t.attention.elapsed}</span>
        </div>
      </header>
      <Notice kind="error" text={action.error} />
      <div className="call-actions">
        {calling && <button type="button" className="btn" disabled={action.busy} onClick={() => void step('recall')}>{t.attention.recall}</button>}
        {calling && <button type="button" className="btn btn-primary" disabled={action.busy} onClick={() => void step('attend')}>{t.attention.arrived}</button>}
        {tk.status === 'attending' && <button type="button" className="btn btn-primary" disabled={action.busy} onClick={() => void step('finish', { topicIds: tk.topicIds ?? [] })}>{t.attention.finish}</button>}
      </div>
      <dl className="facts">
        <div><dt>{t.attention.service}</dt><dd>{tk.number.split('-')[0]} · {tk.serviceName}</dd></div>
        {tk.scheduledAt && <div><dt>{t.attention.scheduled}</dt><dd>{formatDateTime(tk.scheduledAt, locale)}</dd></div>}
        <div><dt>{t.attention.arrival}</dt><dd>{formatDateTime(tk.arrivalAt, locale)}</dd></div>
        <div><dt>{t.attention.recalls}</dt><dd data-testid="recall-count">{tk.recallCount}</dd></div>
        <div><dt>{t.desk.deskLabel}</dt><dd>{shift.deskName}</dd></div>
      </dl>
      {tk.kind === 'virtual' && <Suspense fallback={<p className="muted">{t.app.loading}</p>}><VideoCall ticketId={tk.id} onDone={() => void reload()} /></Suspense>}
      <div className="attention-grid">
        <CustomerForm ticketId={tk.id} customerId={tk.customerId} onSaved={ticket.reload} />
        <div className="stack">
          <TopicsPicker ticketId={tk.id} serviceId={tk.serviceId} selected={tk.topicIds ?? []} onSaved={ticket.reload} />
          <NoteBox ticketId={tk.id} onSaved={ticket.reload} />
        </div>
      </div>
      <section className="panel">
        <h3 className="panel-title">{t.attention.timeline}</h3>
        <Timeline ticketId={tk.id} version={queueVersion} />
      </section>
    </section>
  );
}
