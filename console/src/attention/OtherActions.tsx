// Issue 16: every step the call panel's ticket allows besides recall, attend and finish — requeue,
// transfer, no-show and cancel — each with the reason the agent gives, which the timeline and the
// webhooks carry. No-show and cancel end the ticket, so they ask first with buttons that say what
// each answer does; the safe answer takes the focus. A video call has its own (VideoCall).
import type { Ticket } from '@domain/contracts/tickets';
import { actionsAllowedFrom } from '@domain/ticket-actions';
import { useState } from 'react';
import { api } from '../api/client';
import { useApiMutation } from '../api/mutation';
import { LIVE_KEYS } from '../api/queries';
import { Notice } from '../common/Notice';
import { TransferDialog } from '../desk/TransferDialog';
import { fill, useI18n } from '../i18n';

type Ending = 'no-show' | 'cancel';

export function OtherActions({ ticket, branchId }: { ticket: Ticket; branchId: number }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [asking, setAsking] = useState<Ending>();
  const [transferring, setTransferring] = useState(false);
  const step = useApiMutation(
    (path: 'requeue' | Ending) =>
      api.post(`/tickets/${ticket.id}/${path}`, reason.trim() ? { reason: reason.trim() } : {}),
    { invalidates: LIVE_KEYS },
  );
  const allowed = actionsAllowedFrom(ticket.status);
  const may = (a: 'requeue' | 'transfer' | Ending) => allowed.includes(a);
  if (!(['requeue', 'transfer', 'no-show', 'cancel'] as const).some(may)) return null;
  const send = (path: 'requeue' | Ending) =>
    !step.isPending && step.mutate(path, { onSettled: () => setAsking(undefined) });
  const question = asking === 'no-show' ? t.attention.noShowQuestion : t.attention.cancelQuestion;
  return (
    <section className="other-actions" aria-labelledby="other-actions-title" data-testid="other-actions">
      <h3 className="eyebrow" id="other-actions-title">
        {t.attention.otherActions}
      </h3>
      <Notice kind="error" text={step.message} />
      <div className="form-row">
        <input
          aria-label={t.attention.reason}
          placeholder={t.attention.reason}
          value={reason}
          maxLength={300}
          onChange={(e) => setReason(e.target.value)}
        />
        {may('requeue') && (
          <button type="button" className="btn" aria-disabled={step.isPending} onClick={() => send('requeue')}>
            {t.attention.requeue}
          </button>
        )}
        {may('transfer') && (
          <button type="button" className="btn" onClick={() => setTransferring(true)}>
            {t.attention.transfer}
          </button>
        )}
        {may('no-show') && (
          <button type="button" className="btn btn-danger" onClick={() => setAsking('no-show')}>
            {t.attention.noShow}
          </button>
        )}
        {may('cancel') && (
          <button type="button" className="btn btn-danger" onClick={() => setAsking('cancel')}>
            {t.attention.cancel}
          </button>
        )}
      </div>
      {asking && (
        <div className="confirm-box" role="group" aria-labelledby="ending-question" data-testid="ending-confirm">
          <p id="ending-question">{fill(question, { number: ticket.number })}</p>
          <div className="form-actions">
            <button type="button" className="btn" autoFocus onClick={() => setAsking(undefined)}>
              {t.attention.keepCalling}
            </button>
            <button
              type="button"
              className="btn btn-danger"
              aria-disabled={step.isPending}
              onClick={() => send(asking)}
            >
              {asking === 'no-show' ? t.attention.noShowYes : t.attention.cancelYes}
            </button>
          </div>
        </div>
      )}
      {transferring && (
        <TransferDialog
          ticketId={ticket.id}
          number={ticket.number}
          branchId={branchId}
          onDone={() => setTransferring(false)}
        />
      )}
    </section>
  );
}
