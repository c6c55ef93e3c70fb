// The shift as the console and the back office see it (contract: console/src/api/types.ts ShiftView).
import type { Db } from '../../db/knex.js';
import type { AgentState } from '../../domain/agents.js';

export interface ServiceRef { id: number; name: string; label: string }
export interface ShiftView {
  id: string; userId: number; userName: string; deskId: number; deskName: string; branchId: number; branchName: string;
  state: AgentState; stateSince: string; nextState: AgentState | null; manualMode: boolean; currentTicketId: string | null;
  startedAt: string; endedAt: string | null; workflowId: string;
  mainServices: ServiceRef[]; supportServices: ServiceRef[];
}

type Row = Record<string, unknown>;
const iso = (v: unknown): string | null => (v instanceof Date ? v.toISOString() : (v as string | null) ?? null);

/** The shifts query with names, for one shift or a list (alias `s`). */
export const shiftQuery = (db: Db) => db('shifts as s').join('desks as d', 'd.id', 's.desk_id').join('branches as b', 'b.id', 's.branch_id')
  .join('users as u', 'u.id', 's.user_id')
  .select('s.*', 'd.name as desk_name', 'b.name as branch_name', 'b.entity_id', db.raw(`trim(u.first_name || ' ' || u.last_name) as user_name`));

export function toShiftView(r: Row, services: { main: ServiceRef[]; support: ServiceRef[] } = { main: [], support: [] }): ShiftView {
  return {
    id: r.id as string, userId: r.user_id as number, userName: r.user_name as string, deskId: r.desk_id as number,
    deskName: r.desk_name as string, branchId: r.branch_id as number, branchName: r.branch_name as string,
    state: r.state as AgentState, stateSince: iso(r.state_since) as string, nextState: (r.next_state as AgentState | null) ?? null,
    manualMode: r.manual_mode as boolean, currentTicketId: (r.current_ticket_id as string | null) ?? null,
    startedAt: iso(r.started_at) as string, endedAt: iso(r.ended_at), workflowId: r.workflow_id as string,
    mainServices: services.main, supportServices: services.support,
  };
}

export async function serviceRefsOf(db: Db, userId: number): Promise<{ main: ServiceRef[]; support: ServiceRef[] }> {
  const rows = (await db('service_assignments as a').join('services as s', 's.id', 'a.service_id').where('a.user_id', userId)
    .orderBy('s.label').select('s.id', 's.name', 's.label', 'a.kind')) as (ServiceRef & { kind: string })[];
  const ref = ({ id, name, label }: ServiceRef) => ({ id, name, label });
  return { main: rows.filter((r) => r.kind === 'main').map(ref), support: rows.filter((r) => r.kind === 'support').map(ref) };
}

export async function shiftView(db: Db, shiftId: string): Promise<ShiftView | undefined> {
  const r = (await shiftQuery(db).where('s.id', shiftId).first()) as Row | undefined;
  return r ? toShiftView(r, await serviceRefsOf(db, r.user_id as number)) : undefined;
}
