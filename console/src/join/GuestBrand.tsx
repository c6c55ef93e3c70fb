// Issue 16: the guest page says whom the customer is meeting — their entity, their ticket and the
// first name of the agent serving it — from the join answer (only what the link's own ticket shows).
import type { GuestGrant } from '../video/call-api';
import { fill, useI18n } from '../i18n';

export function GuestBrand({ grant }: { grant: GuestGrant | undefined }) {
  const { t } = useI18n();
  if (!grant) return null;
  const agent = grant.agentFirstName;
  return (
    <header className="vc-brand" data-testid="guest-brand">
      <p className="vc-brand-entity">{grant.entityName}</p>
      <p className="vc-brand-ticket">
        <span>{fill(t.videoDesk.ticket, { number: grant.ticket.number })}</span>
        {agent && <span>{fill(t.videoDesk.servedBy, { agent })}</span>}
      </p>
    </header>
  );
}
