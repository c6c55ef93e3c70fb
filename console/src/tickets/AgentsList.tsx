// B2: the branch's agents with their live state; picking one filters the tickets they served.
// Everyone reads them from /api/users (scoped to the branch), whose rows carry the open shift.
import { api } from '../api/client';
import type { AgentState, Desk, User } from '../api/types';
import { useUser } from '../auth/session';
import { StateDot } from '../common/Badge';
import { useLoad } from '../common/useLoad';
import { useI18n } from '../i18n';

interface AgentRow { id: number; name: string; state?: AgentState; deskName?: string | null }

async function loadAgents(): Promise<AgentRow[]> {
  const [{ rows }, desks] = await Promise.all([
    api.list<User>('users', { filter: { role: 'agent', active: true }, sort: ['firstName', 'ASC'] }),
    api.list<Desk>('desks', { sort: ['name', 'ASC'] }),
  ]);
  const deskName = new Map(desks.rows.map((d) => [d.id, d.name]));
  // No open shift means logged out, which the agent states call Offline.
  return rows.map((u) => ({ id: u.id, name: `${u.firstName} ${u.lastName}`, state: u.shiftState ?? 'offline', deskName: u.shiftDeskId ? deskName.get(u.shiftDeskId) : null }));
}

export function AgentsList({ value, version, onChange }: { value?: number; version: number; onChange(id: number | undefined): void }) {
  const { t } = useI18n();
  const user = useUser();
  const agents = useLoad(() => loadAgents(), [version, user.id]);
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
