// Section B: all tickets of the agent's reach, live for today, searchable for history.
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useErrorText } from '../api/mutation';
import { ticketsQuery } from '../api/queries';
import { todayIso } from '../common/time';
import { useShift } from '../desk/shift';
import { plural, useI18n } from '../i18n';
import { AgentsList } from './AgentsList';
import { FilterBar } from './FilterBar';
import { initialFilters, toApiFilter } from './filters';
import { GenerateDialog } from './GenerateDialog';
import { ServiceTree } from './ServiceTree';
import { TicketTable } from './TicketTable';
import { TimelineDialog } from './TimelineDialog';

export function TicketsScreen() {
  const { t, locale } = useI18n();
  const { shift } = useShift();
  const [filters, setFilters] = useState(() => initialFilters(todayIso()));
  const [open, setOpen] = useState<string>();
  const [generating, setGenerating] = useState(false);
  const apiFilter = useMemo(() => toApiFilter(filters), [filters]);
  const list = useQuery(ticketsQuery(filters.mode, apiFilter));
  const error = useErrorText(list.error);
  return (
    <div className="tickets-layout">
      <aside className="sidebar">
        <ServiceTree value={filters.scope} onChange={(scope) => setFilters({ ...filters, scope })} />
        <AgentsList value={filters.agentId} onChange={(agentId) => setFilters({ ...filters, agentId })} />
      </aside>
      <main className="content">
        <div className="content-head">
          <h1>{t.tickets.title}</h1>
          <span className="muted" data-testid="tickets-count">
            {plural(t.tickets.count, list.data?.total ?? 0, locale)}
          </span>
          <div className="spacer" />
          <button type="button" className="btn" onClick={() => setFilters(initialFilters(todayIso()))}>
            {t.tickets.clear}
          </button>
          <button type="button" className="btn btn-primary" onClick={() => setGenerating(true)}>
            {t.tickets.generate}
          </button>
        </div>
        <FilterBar value={filters} onChange={setFilters} />
        {error && <p className="notice notice-error">{error}</p>}
        <TicketTable rows={list.data?.rows ?? []} history={filters.mode === 'history'} onOpen={setOpen} />
      </main>
      {open && <TimelineDialog ticketId={open} onClose={() => setOpen(undefined)} />}
      {generating && <GenerateDialog branchId={shift?.branchId} onClose={() => setGenerating(false)} />}
    </div>
  );
}
