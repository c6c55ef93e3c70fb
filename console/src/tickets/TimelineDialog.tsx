// B7: the timeline of one ticket, followed live, with requeue and cancel where its status allows them.
// Cancelling cannot be undone (the customer leaves the queue), so it asks first, with buttons that
// say what each answer does (issue 16); the safe answer takes the focus.
import { actionsAllowedFrom } from '@domain/ticket-actions';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api/client';
import { useApiMutation, useErrorText } from '../api/mutation';
import { LIVE_KEYS, ticketQuery } from '../api/queries';
import { StatusBadge } from '../common/Badge';
import { Modal } from '../common/Modal';
import { Notice } from '../common/Notice';
import { fill, useI18n } from '../i18n';
import { Timeline } from './Timeline';

export function TimelineDialog({ ticketId, onClose }: { ticketId: string; onClose(): void }) {
  const { t } = useI18n();
  const ticket = useQuery(ticketQuery(ticketId));
  const loadError = useErrorText(ticket.error);
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const step = useApiMutation(
    (path: 'requeue' | 'cancel') => api.post(`/tickets/${ticketId}/${path}`, reason ? { reason } : {}),
    { invalidates: LIVE_KEYS },
  );
  // H6 (issue 16): an appointment whose service waits for the customer is checked in on arrival.
  const checkIn = useApiMutation(() => api.post(`/tickets/${ticketId}/check-in`, {}), { invalidates: LIVE_KEYS });
  const tk = ticket.data;
  const allowed = tk ? actionsAllowedFrom(tk.status) : [];
  const mayRequeue = allowed.includes('requeue');
  const mayCancel = allowed.includes('cancel');
  const mayCheckIn = tk?.kind === 'appointment' && allowed.includes('check-in');
  return (
    <Modal title={fill(t.tickets.timelineOf, { number: tk?.number ?? '…' })} onClose={onClose} wide>
      {tk && (
        <div className="tl-head">
          <StatusBadge status={tk.status} />
          <span className="truncate">
            {tk.customerName ?? t.attention.anonymous}
            {tk.customerIdNumber ? ` · ${tk.customerIdNumber}` : ''}
          </span>
          <span className="muted truncate">
            {tk.serviceName}
            {tk.agentName ? ` · ${tk.agentName}` : ''}
            {tk.deskName ? ` · ${tk.deskName}` : ''}
          </span>
          <span className="live-dot">{t.tickets.follow}</span>
        </div>
      )}
      <Notice kind="error" text={step.message ?? checkIn.message ?? loadError} />
      {mayCheckIn && (
        <div className="form-actions">
          <button
            type="button"
            className="btn btn-primary"
            aria-disabled={checkIn.isPending}
            onClick={() => !checkIn.isPending && checkIn.mutate()}
          >
            {t.tickets.checkIn}
          </button>
        </div>
      )}
      <Timeline ticketId={ticketId} />
      {(mayRequeue || mayCancel) && (
        <div className="form-row">
          <input
            aria-label={t.tickets.reason}
            placeholder={t.tickets.reason}
            value={reason}
            maxLength={300}
            onChange={(e) => setReason(e.target.value)}
          />
          {mayRequeue && (
            <button
              type="button"
              className="btn"
              aria-disabled={step.isPending}
              onClick={() => !step.isPending && step.mutate('requeue')}
            >
              {t.tickets.requeue}
            </button>
          )}
          {mayCancel && !confirming && (
            <button
              type="button"
              className="btn btn-danger"
              aria-disabled={step.isPending}
              onClick={() => !step.isPending && setConfirming(true)}
            >
              {t.tickets.cancelTicket}
            </button>
          )}
        </div>
      )}
      {mayCancel && confirming && tk && (
        <div className="confirm-box" role="group" aria-labelledby="cancel-question" data-testid="cancel-confirm">
          <p id="cancel-question">{fill(t.tickets.cancelQuestion, { number: tk.number })}</p>
          <div className="form-actions">
            <button type="button" className="btn" autoFocus onClick={() => setConfirming(false)}>
              {t.tickets.cancelNo}
            </button>
            <button
              type="button"
              className="btn btn-danger"
              aria-disabled={step.isPending}
              onClick={() => !step.isPending && step.mutate('cancel', { onSettled: () => setConfirming(false) })}
            >
              {t.tickets.cancelYes}
            </button>
          </div>
        </div>
      )}
    </Modal>
  );
}
