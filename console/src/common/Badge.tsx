import type { AgentState } from '@domain/agents';
import type { TicketStatus } from '@domain/tickets';
import { useI18n } from '../i18n';

export function StatusBadge({ status }: { status: TicketStatus }) {
  const { t } = useI18n();
  return <span className={`badge badge-${status}`}>{t.statuses[status]}</span>;
}

export function StateDot({ state }: { state: AgentState }) {
  const { t } = useI18n();
  return (
    <span className={`state state-${state}`}>
      <i aria-hidden="true" />
      {t.states[state]}
    </span>
  );
}
