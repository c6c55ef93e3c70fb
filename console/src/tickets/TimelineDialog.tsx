// B7: the timeline of one ticket, followed live, with requeue and cancel.
import { useState } from 'react';
import { isEnded } from '@domain/tickets';
import { api } from '../api/client';
import type { TicketItem } from '../api/types';
import { StatusBadge } from '../common/Badge';
import { Modal } from '../common/Modal';
import { Notice } from '../common/Notice';
import { useAction } from '../common/useAction';
import { useLoad } from '../common/useLoad';
import { fill, useI18n } from '../i18n';
import { Timeline } from './Timeline';

export function TimelineDialog({ ticketId, version, onClose }: { ticketId: string; version: number; onClose(): void }) {
  const { t } = useI18n();
  const ticket = useLoad(() => api.get<TicketItem>(`/tickets/${ticketId}`), [ticketId, version]);
  const [reason, setReason] = useState('');
  const [local, setLocal] = useState(0);
  const action = useAction();
  const step = async (path: 'requeue' | 'cancel') => {
    if (await action.run(() => api.post(`/tickets/${ticketId}/${path}`, reason ? { reason } : {}))) {
      ticket.reload();
      setLocal((n) => n + 1);
    }
  };
  const tk = ticket.data;
  return (
    <Modal title={fill(t.tickets.timelineOf, { number: tk?.number ?? '…' })} onClose={onClose} wide>
      {tk && (
        <div className="tl-head">
          <StatusBadge status={tk.status} />
          <span className="truncate">{tk.customerName ?? t.attention.anonymous}{tk.customerIdNumber ? ` · ${tk.customerIdNumber}` : ''}</span>
          <span className="muted truncate">{tk.serviceName}{tk.agentName ? ` · ${tk.agentName}` : ''}{tk.deskName ? ` · ${tk.deskName}` : ''}</span>
          <span className="live-dot">{t.tickets.follow}</span>
        </div>
      )}
      <Notice kind="error" text={action.error ?? ticket.error} />
      <Timeline ticketId={ticketId} version={version + local} />
      {tk && !isEnded(tk.status) && (
        <div className="form-row">
          <input aria-label={t.tickets.reason} placeholder={t.tickets.reason} value={reason} maxLength={300} onChange={(e) => setReason(e.target.value)} />
          <button type="button" className="btn" disabled={action.busy} onClick={() => void step('requeue')}>{t.tickets.requeue}</button>
          <button type="button" className="btn btn-danger" disabled={action.busy} onClick={() => void step('cancel')}>{t.tickets.cancelTicket}</button>
        </div>
      )}
    </Modal>
  );
}
