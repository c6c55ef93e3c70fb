// Who may see or act on a ticket: its entity only (H7); agents only within their branch.
import type { Db } from '../../db/knex.js';
import { DomainError } from '../../domain/errors.js';
import type { SessionUser } from '../auth/sessions.js';
import { reachesWholeEntity } from '../http/reach.js';
import { refusedAction, type TicketAction } from '../../domain/ticket-rights.js';
import type { TicketRow } from '../../db/tickets/row.js';

export async function loadTicketFor(db: Db, user: SessionUser, ticketId: string): Promise<TicketRow> {
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  if (!uuid.test(ticketId)) throw new DomainError('NotFound', { resource: 'tickets' });
  const row: TicketRow | undefined = await db('tickets').where({ id: ticketId, entity_id: user.entityId }).first();
  // Another entity's ticket is "not found", not "forbidden": its existence is not disclosed.
  if (!row) throw new DomainError('NotFound', { resource: 'tickets' });
  if (!reachesWholeEntity(user) && row.branch_id !== user.branchId) {
    throw new DomainError('OtherBranch');
  }
  return row;
}

/** A service the user may create tickets for, with its branch. */
export async function loadServiceFor(
  db: Db,
  user: SessionUser,
  serviceId: number,
): Promise<{ id: number; branchId: number; active: boolean; virtualEnabled: boolean }> {
  const s: { id: number; branch_id: number; active: boolean; virtual_enabled: boolean } | undefined = await db(
    'services as s',
  )
    .join('branches as b', 'b.id', 's.branch_id')
    .where({ 's.id': serviceId, 'b.entity_id': user.entityId })
    .first('s.id', 's.branch_id', 's.active', 's.virtual_enabled');
  if (!s) throw new DomainError('Validation', {}, { fields: { serviceId: { code: 'unknown_reference' } } });
  if (!reachesWholeEntity(user) && s.branch_id !== user.branchId) throw new DomainError('OtherBranch');
  return { id: s.id, branchId: s.branch_id, active: s.active, virtualEnabled: s.virtual_enabled };
}

/**
 * Loads the ticket and applies the one written rule of who may do what (domain/ticket-rights.ts):
 * the holder, any agent of the branch with an open shift, supervisors and admins.
 */
export async function loadTicketForAction(
  db: Db,
  user: SessionUser,
  ticketId: string,
  action: TicketAction,
): Promise<TicketRow> {
  const row = await loadTicketFor(db, user, ticketId);
  const hasOpenShift =
    user.role === 'agent' &&
    !!(await db('shifts').where({ user_id: user.id, branch_id: row.branch_id }).whereNull('ended_at').first('id'));
  const refused = refusedAction({ role: user.role, userId: user.id, hasOpenShift }, action, {
    status: row.status,
    agentId: row.agent_id,
  });
  if (refused) throw new DomainError(refused, { number: row.number, action });
  return row;
}
