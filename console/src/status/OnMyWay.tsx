// Issue 17: "on my way" on the status page. Offered while the customer is called and has not said
// it during this call; one tap (nothing to confirm: it only asks the desk to wait), and the answer
// is announced to screen readers. A refusal is worded by the error dictionary.
import type { PublicStatus } from '@domain/contracts/public';
import { PUBLIC_RIGHTS } from '@domain/ticket-rights';
import type { TicketStatus } from '@domain/tickets';
import { api } from '../api/client';
import { useApiMutation } from '../api/mutation';
import { keys } from '../api/queries';
import { Notice } from '../common/Notice';
import { fill, useI18n } from '../i18n';

const mayTell = (s: TicketStatus): boolean =>
  (PUBLIC_RIGHTS.statusTokenOnMyWay.from as readonly TicketStatus[]).includes(s);

export function OnMyWay({ token, status }: { token: string; status: PublicStatus }) {
  const { t } = useI18n();
  const tell = useApiMutation(
    () => api.post<PublicStatus>(`/public/tickets/${encodeURIComponent(token)}/on-my-way`, {}),
    { invalidates: [keys.public] },
  );
  const told = status.onTheWay || tell.data?.onTheWay === true;
  return (
    <div className="status-on-my-way">
      {/* Always mounted, so the announcement is heard when its text arrives. */}
      <p role="status" aria-live="polite" data-testid="status-on-my-way">
        {mayTell(status.status) && told ? fill(t.status.onMyWayDone, { desk: status.deskName ?? '' }) : ''}
      </p>
      <Notice kind="error" text={tell.message} />
      {mayTell(status.status) && !told && (
        <button
          type="button"
          className="btn btn-lg btn-primary"
          disabled={tell.isPending}
          onClick={() => tell.mutate(undefined)}
        >
          {t.status.onMyWay}
        </button>
      )}
    </div>
  );
}
