// B1: branch > department > service; picking a node narrows the list to it.
import { api } from '../api/client';
import type { Branch, Department, Service } from '../api/types';
import { useLoad } from '../common/useLoad';
import { useI18n } from '../i18n';
import type { TicketFilters } from './filters';

type Scope = TicketFilters['scope'];
const same = (a: Scope, b: Scope) => a.branchId === b.branchId && a.departmentId === b.departmentId && a.serviceId === b.serviceId;

export function ServiceTree({ value, onChange }: { value: Scope; onChange(s: Scope): void }) {
  const { t } = useI18n();
  const tree = useLoad(async () => {
    const [b, d, s] = await Promise.all([
      api.list<Branch>('branches', { sort: ['name', 'ASC'] }),
      api.list<Department>('departments', { sort: ['name', 'ASC'] }),
      api.list<Service>('services', { sort: ['label', 'ASC'], range: [0, 499] }),
    ]);
    return { branches: b.rows, departments: d.rows, services: s.rows };
  }, []);
  const node = (scope: Scope, label: string, key: string, extra?: string) => (
    <button type="button" key={key} className={same(scope, value) ? 'tree-node on' : 'tree-node'} aria-pressed={same(scope, value)} onClick={() => onChange(scope)}>
      {extra && <span className="label-chip">{extra}</span>}<span className="truncate">{label}</span>
    </button>
  );
  return (
    <nav className="tree" aria-label={t.tickets.tree} data-testid="service-tree">
      {tree.error && <p className="notice notice-error">{tree.error}</p>}
      {node({}, t.tickets.allBranches, 'all')}
      {tree.data?.branches.map((b) => (
        <div key={b.id} className="tree-branch">
          {node({ branchId: b.id }, b.name, `b${b.id}`)}
          {tree.data?.departments.filter((d) => d.branchId === b.id).map((d) => (
            <div key={d.id} className="tree-dept">
              {node({ departmentId: d.id }, d.name, `d${d.id}`)}
              <div className="tree-services">
                {tree.data?.services.filter((s) => s.departmentId === d.id).map((s) => node({ serviceId: s.id }, s.name, `s${s.id}`, s.label))}
              </div>
            </div>
          ))}
        </div>
      ))}
    </nav>
  );
}
