import type { Ticket } from '@domain/contracts/tickets';
import { StatusBadge } from '../common/Badge';
import { formatClock, formatDateTime } from '../common/time';
import { useI18n } from '../i18n';

export function TicketTable({ rows, history, onOpen }: { rows: Ticket[]; history: boolean; onOpen(id: string): void }) {
  const { t, locale } = useI18n();
  if (rows.length === 0) return <p className="empty">{t.tickets.empty}</p>;
  return (
    <div className="table-wrap">
      <table className="table table-click" data-testid="tickets-table">
        <thead>
          <tr>
            <th>{t.tickets.colNumber}</th>
            <th>{t.tickets.colStatus}</th>
            <th>{t.tickets.colService}</th>
            <th>{t.tickets.colCustomer}</th>
            <th>{t.tickets.colAgent}</th>
            <th>{t.tickets.colArrival}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr
              key={r.id}
              data-number={r.number}
              tabIndex={0}
              onClick={() => onOpen(r.id)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') onOpen(r.id);
              }}
            >
              <td className="mono strong">
                {r.number}
                <span className={`kind kind-${r.kind} kind-sm`}>{t.kinds[r.kind]}</span>
              </td>
              <td>
                <StatusBadge status={r.status} />
              </td>
              <td className="truncate">{r.serviceName}</td>
              <td className="truncate wide-cell">
                {r.customerName ?? <span className="muted">—</span>}
                {r.customerIdNumber && <span className="sub mono">{r.customerIdNumber}</span>}
              </td>
              <td className="truncate">
                {r.agentName ?? '—'}
                {r.deskName && <span className="sub">{r.deskName}</span>}
              </td>
              <td className="mono">
                {history ? formatDateTime(r.arrivalAt, locale) : formatClock(r.arrivalAt, locale)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
