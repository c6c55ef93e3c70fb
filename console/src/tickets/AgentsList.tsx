// B2: the branch's agents with their live state; picking one filters the tickets they served.
// Everyone reads them from /api/users (scoped to the branch), whose rows carry the open shift.
import type { AgentState } from '@domain/agents';
import type { ResourceRecord } from '@domain/contracts/resources';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { useErrorText } from '../api/mutation';
import { keys } from '../api/queries';
import { StateDot } from '../common/Badge';
import { useI18n } from '../i18n';

interface AgentRow {
  id: number;
  name: string;
  state?: AgentState;
  deskName?: string | null;
}

async function loadAgents(): Promise<AgentRow[]> {
  const [{ rows }, desks] = await Promise.all([
    api.list<ResourceRecord<'users'>>('users', { filter: { role: 'agent', active: true }, sort: ['firstName', 'ASC'] }),
    api.list<ResourceRecord<'desks'>>('desks', { sort: ['name', 'ASC'] }),
  ]);
  const deskName = new Map(desks.rows.map((d) => [d.id, d.name]));
  // No open shift means logged out, which the agent states call Offline.
  return rows.map((u) => ({
    id: u.id,
    name: `${u.firstName} ${u.lastName}`,
    state: u.shiftState ?? 'offline',
    deskName: u.shiftDeskId ? deskName.get(u.shiftDeskId) : null,
  }));
}

export function AgentsList({ value, onChange }: { value?: number; onChange(id: number | undefined): void }) {
  const { t } = useI18n();
  // Live: their states change with every shift event (keys.agents is one of the LIVE_KEYS).
  const agents = useQuery({ queryKey: keys.agents, queryFn: loadAgents });
  const error = useErrorText(agents.error);
  return (
    <section className="agents" aria-label={t.tickets.agents} data-testid="agents">
      <h3 className="panel-title">{t.tickets.agents}</h3>
      {error && <p className="notice notice-error">{error}</p>}
      {agents.data?.length === 0 && <p className="muted">{t.tickets.noAgents}</p>}
      <ul>
        {agents.data?.map((a) => (
          <li key={a.id}>
            <button
              type="button"
              className={value === a.id ? 'agent-row on' : 'agent-row'}
              aria-pressed={value === a.id}
              onClick={() => onChange(value === a.id ? undefined : a.id)}
            >
              <span className="agent-name">
                <span className="truncate">{a.name}</span>
                {a.deskName && <span className="sub">{a.deskName}</span>}
              </span>
              {a.state && <StateDot state={a.state} />}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
