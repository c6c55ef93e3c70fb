// The shifts table as TypeScript sees it, and the one mapping from a row to the shift the
// console and the back office see (domain/contracts/shifts.ts ShiftView).
import type { Knex } from 'knex';
import type { AgentState, AssignmentKind } from '../../domain/agents.js';
import type { ServiceRef, ShiftView } from '../../domain/contracts/shifts.js';
import { DomainError } from '../../domain/errors.js';
import { announce } from '../announce.js';
import { iso } from '../dates.js';

/** A row of `shifts` as pg returns it (timestamps as Date). */
export interface ShiftRow {
  id: string;
  user_id: number;
  branch_id: number;
  desk_id: number;
  state: AgentState;
  next_state: AgentState | null;
  manual_mode: boolean;
  state_since: Date;
  started_at: Date;
  ended_at: Date | null;
  workflow_id: string;
  current_ticket_id: string | null;
  last_step_seq: number;
}

/** A shift with the names its view shows, as `shiftQuery` selects it. */
export interface ShiftNamedRow extends ShiftRow {
  desk_name: string;
  branch_name: string;
  entity_id: number;
  user_name: string;
}

type Db = Knex | Knex.Transaction;
export interface AgentServiceRefs {
  main: ServiceRef[];
  support: ServiceRef[];
}

/** Shifts (alias `s`) with desk, branch (`b`) and agent names, for one shift or a list. */
export const shiftQuery = (db: Db): Knex.QueryBuilder =>
  db('shifts as s')
    .join('desks as d', 'd.id', 's.desk_id')
    .join('branches as b', 'b.id', 's.branch_id')
    .join('users as u', 'u.id', 's.user_id')
    .select(
      's.*',
      'd.name as desk_name',
      'b.name as branch_name',
      'b.entity_id',
      db.raw(`trim(u.first_name || ' ' || u.last_name) as user_name`),
    );

/** Lists leave the services empty; one shift's view names them (A5, A6). */
export function toShiftView(r: ShiftNamedRow, services: AgentServiceRefs = { main: [], support: [] }): ShiftView {
  return {
    id: r.id,
    userId: r.user_id,
    userName: r.user_name,
    deskId: r.desk_id,
    deskName: r.desk_name,
    branchId: r.branch_id,
    branchName: r.branch_name,
    state: r.state,
    stateSince: iso(r.state_since),
    nextState: r.next_state,
    manualMode: r.manual_mode,
    currentTicketId: r.current_ticket_id,
    startedAt: iso(r.started_at),
    endedAt: iso(r.ended_at),
    workflowId: r.workflow_id,
    mainServices: services.main,
    supportServices: services.support,
  };
}

export async function serviceRefsOf(db: Db, userId: number): Promise<AgentServiceRefs> {
  const rows: (ServiceRef & { kind: AssignmentKind })[] = await db('service_assignments as a')
    .join('services as s', 's.id', 'a.service_id')
    .where('a.user_id', userId)
    .orderBy('s.label')
    .select('s.id', 's.name', 's.label', 'a.kind');
  const ref = ({ id, name, label }: ServiceRef): ServiceRef => ({ id, name, label });
  return {
    main: rows.filter((r) => r.kind === 'main').map(ref),
    support: rows.filter((r) => r.kind === 'support').map(ref),
  };
}

/** One shift with its services; callers know it exists (NotFound otherwise). */
export async function shiftView(db: Db, shiftId: string): Promise<ShiftView> {
  const r: ShiftNamedRow | undefined = await shiftQuery(db).where('s.id', shiftId).first();
  if (!r) throw new DomainError('NotFound', { resource: 'shifts' });
  return toShiftView(r, await serviceRefsOf(db, r.user_id));
}

/** Announces a committed shift change to socket.io (api/realtime/socket.ts fans it out to the branch). */
export async function notifyShift(trx: Knex.Transaction, row: ShiftRow, entityId: number): Promise<void> {
  await announce(trx, {
    kind: 'shift',
    entityId,
    branchId: row.branch_id,
    userId: row.user_id,
    shiftId: row.id,
    state: row.state,
    nextState: row.next_state,
    manualMode: row.manual_mode,
    ended: row.ended_at !== null,
    ...(row.current_ticket_id ? { ticketId: row.current_ticket_id } : {}),
  });
}
