// B2: the branch's agents with their live state; picking one filters the tickets they served.
// Supervisors read states from the branch monitor (H4); agents, who may not, see the names.
import { api } from '../api/client';
import type { AgentState, SessionUser, User } from '../api/types';
import { useUser } from '../auth/session';
import { StateDot } from '../common/Badge';
import { useLoad } from '../common/useLoad';
import { useI18n } from '../i18n';

interface AgentRow { id: number; name: string; state?: AgentState; deskName?: string | null }
interface MonitorSnapshot { agents: { userId: number; name: string; state: AgentState; deskName: string | null }[] }

async function loadAgents(user: SessionUser): Promise<AgentRow[]> {
  if (user.role !== 'agent' && user.branchId) {
    const snap = await api.get<MonitorSnapshot>(`/monitor/branches/${user.branchId}`);
    return snap.agents.map((a) => ({ id: a.userId, name: a.name, state: a.state, deskName: a.deskName }));
  }
  const { rows } = await api.list<User>('users', { filter: { role: 'agent', active: true }, sort: ['firstName', 'ASC'] });
  return rows.map((u) => ({ id: u.id, name: `${u.firstName} ${u.lastName}`, state: u.state ?? undefined, deskName: u.deskName }));
}

export function AgentsList({ value, version, onChange }: { value?: number; version: number; onChange(id: number | undefined): void }) {
  const { t } = useI18n();
  const user = useUser();
  const agents = useLoad(() => loadAgents(user), [version, user.id]);
  return (
    <section className="agents" aria-label={t.tickets.agents} data-testid="agents">
      <h3 className="panel-title">{t.tickets.agents}</h3>
      {agents.error && <p className="notice notice-error">{agents.error}</p>}
      {agents.data?.length === 0 && <p className="muted">{t.tickets.noAgents}</p>}
      <ul>
        {agents.data?.map((a) => (
          <li key={a.id}>
            <button type="button" className={value === a.id ? 'agent-row on' : 'agent-row'} aria-pressed={value === a.id} onClick={() => onChange(value === a.id ? undefined : a.id)}>
              <span className="agent-name"><span className="truncate">{a.name}</span>{a.deskName && <span className="sub">{a.deskName}</span>}</span>
              {a.state && <StateDot state={a.state} />}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
