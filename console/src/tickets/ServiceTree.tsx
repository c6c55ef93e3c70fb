// B1: branch > department > service; picking a node narrows the list to it.
import { useQueries } from '@tanstack/react-query';
import { useErrorText } from '../api/mutation';
import { listQuery } from '../api/queries';
import { useI18n } from '../i18n';
import type { TicketFilters } from './filters';

type Scope = TicketFilters['scope'];
const same = (a: Scope, b: Scope) =>
  a.branchId === b.branchId && a.departmentId === b.departmentId && a.serviceId === b.serviceId;

export function ServiceTree({ value, onChange }: { value: Scope; onChange(s: Scope): void }) {
  const { t } = useI18n();
  const [branches, departments, services] = useQueries({
    queries: [
      listQuery('branches', { sort: ['name', 'ASC'] }),
      listQuery('departments', { sort: ['name', 'ASC'] }),
      listQuery('services', { sort: ['label', 'ASC'], range: [0, 499] }),
    ],
  });
  const error = useErrorText(branches.error ?? departments.error ?? services.error);
  // Drawn once all three levels are in, so no branch shows up empty for a moment.
  const tree =
    branches.data && departments.data && services.data
      ? { branches: branches.data.rows, departments: departments.data.rows, services: services.data.rows }
      : undefined;
  const node = (scope: Scope, label: string, key: string, extra?: string) => (
    <button
      type="button"
      key={key}
      className={same(scope, value) ? 'tree-node on' : 'tree-node'}
      aria-pressed={same(scope, value)}
      onClick={() => onChange(scope)}
    >
      {extra && <span className="label-chip">{extra}</span>}
      <span className="truncate">{label}</span>
    </button>
  );
  return (
    <nav className="tree" aria-label={t.tickets.tree} data-testid="service-tree">
      {error && <p className="notice notice-error">{error}</p>}
      {node({}, t.tickets.allBranches, 'all')}
      {tree?.branches.map((b) => (
        <div key={b.id} className="tree-branch">
          {node({ branchId: b.id }, b.name, `b${b.id}`)}
          {tree.departments
            .filter((d) => d.branchId === b.id)
            .map((d) => (
              <div key={d.id} className="tree-dept">
                {node({ departmentId: d.id }, d.name, `d${d.id}`)}
                <div className="tree-services">
                  {tree.services
                    .filter((s) => s.departmentId === d.id)
                    .map((s) => node({ serviceId: s.id }, s.name, `s${s.id}`, s.label))}
                </div>
              </div>
            ))}
        </div>
      ))}
    </nav>
  );
}
