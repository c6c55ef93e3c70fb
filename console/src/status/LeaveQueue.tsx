// H5, issue 13: the customer leaves the queue from their status page. Offered only while the
// written rule allows it (PUBLIC_RIGHTS.statusToken), always after a confirmation, and the result
// is announced to screen readers; a refusal is worded by the error dictionary.
import { PUBLIC_RIGHTS } from '@domain/ticket-rights';
import type { TicketStatus } from '@domain/tickets';
import type { PublicStatus } from '@domain/contracts/public';
import { useEffect, useRef, useState } from 'react';
import { api } from '../api/client';
import { useApiMutation } from '../api/mutation';
import { keys } from '../api/queries';
import { Notice } from '../common/Notice';
import { useI18n } from '../i18n';

export const mayLeave = (s: TicketStatus): boolean =>
  (PUBLIC_RIGHTS.statusToken.from as readonly TicketStatus[]).includes(s);

export function LeaveQueue({ token, status }: { token: string; status: TicketStatus }) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const [left, setLeft] = useState(false);
  const stay = useRef<HTMLButtonElement>(null);
  const ask = useRef<HTMLButtonElement>(null);
  // The safe answer takes the focus when the question appears, and the question's button gets it back.
  useEffect(() => {
    if (asking) stay.current?.focus();
  }, [asking]);

  // The status page refetches its ticket (keys.public) before the question goes away.
  const leave = useApiMutation(() => api.post<PublicStatus>(`/public/tickets/${encodeURIComponent(token)}/leave`, {}), {
    invalidates: [keys.public],
    onSuccess: () => setLeft(true),
  });
  const confirm = () => leave.mutate(undefined, { onSettled: () => setAsking(false) });
  const cancelAsk = () => {
    setAsking(false);
    window.setTimeout(() => ask.current?.focus());
  };

  return (
    <div className="status-leave">
      {/* Always mounted, so the announcement is heard when its text arrives. */}
      <p className="status-left" role="status" aria-live="polite" data-testid="status-left">
        {left ? t.status.left : ''}
      </p>
      <Notice kind="error" text={leave.message} />
      {mayLeave(status) && !asking && (
        <button
          ref={ask}
          type="button"
          className="btn btn-lg btn-danger"
          onClick={() => {
            leave.reset();
            setAsking(true);
          }}
        >
          {t.status.leave}
        </button>
      )}
      {mayLeave(status) && asking && (
        <div
          className="status-confirm"
          role="group"
          aria-labelledby="leave-question"
          onKeyDown={(e) => {
            if (e.key === 'Escape') cancelAsk();
          }}
        >
          <p id="leave-question">{t.status.leaveConfirm}</p>
          <button ref={stay} type="button" className="btn btn-lg" onClick={cancelAsk} disabled={leave.isPending}>
            {t.status.leaveNo}
          </button>
          <button type="button" className="btn btn-lg btn-danger" onClick={confirm} disabled={leave.isPending}>
            {t.status.leaveYes}
          </button>
        </div>
      )}
    </div>
  );
}
