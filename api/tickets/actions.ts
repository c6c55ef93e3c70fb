// One function per ticket action: check access, translate the body into a workflow Update.
import type { Db } from '../../db/knex.js';
import { DomainError } from '../../domain/errors.js';
import * as msg from '../../domain/ticket-messages.js';
import type { TicketView } from '../../domain/ticket-messages.js';
import type { ApiDeps } from '../deps.js';
import { actorOf } from '../auth/middleware.js';
import type { SessionUser } from '../auth/sessions.js';
import { loadTicketForAction } from './access.js';
import type { TicketAction } from '../../domain/ticket-rights.js';
import type {
  CallBody,
  CancelBody,
  EditCustomerBody,
  FinishBody,
  NoteBody,
  RequeueBody,
  TopicsBody,
  TransferBody,
} from './schemas.js';
import { refuseKnownCustomer } from './customers.js';
import { updateTicket } from '../../workflows/tickets/client.js';
import { updateShiftWith } from '../../workflows/shifts/client.js';
import * as shiftMsg from '../../domain/shift-messages.js';
import { openShiftRow } from '../shifts/actions.js';
import type { z } from 'zod';

type Deps = Pick<ApiDeps, 'db' | 'temporal'>;

/**
 * The desk an agent calls from: their open shift's, which must be at the ticket's branch; or,
 * with no shift, a requested desk of that branch. References never cross branches.
 */
async function deskOf(db: Db, agentId: number, branchId: number, requested?: number): Promise<number> {
  const shift: { desk_id: number; branch_id: number } | undefined = await db('shifts')
    .where({ user_id: agentId })
    .whereNull('ended_at')
    .first('desk_id', 'branch_id');
  if (shift) {
    if (shift.branch_id !== branchId)
      throw new DomainError('Validation', {}, { fields: { agentId: { code: 'other_branch' } } });
    if (requested !== undefined && requested !== shift.desk_id)
      throw new DomainError('Validation', {}, { fields: { deskId: { code: 'other_branch' } } });
    return shift.desk_id;
  }
  if (requested !== undefined) {
    const desk: { id: number } | undefined = await db('desks')
      .where({ id: requested, branch_id: branchId })
      .first('id');
    if (desk) return desk.id;
    throw new DomainError('Validation', {}, { fields: { deskId: { code: 'other_branch' } } });
  }
  throw new DomainError('LoginAtDeskFirst');
}

export async function callTicket(
  d: Deps,
  user: SessionUser,
  ticketId: string,
  body: z.infer<typeof CallBody>,
  updateId?: string,
): Promise<Pick<TicketView, 'id'>> {
  const t = await loadTicketForAction(d.db, user, ticketId, 'call');
  // An agent at a desk calls through their shift, the one owner of what they serve: its rule
  // refuses the call unless they are Online and free (issue 16: not from a break).
  const shift = user.role === 'agent' ? await openShiftRow(d.db, user.id) : undefined;
  if (shift) {
    if (body.deskId !== undefined && body.deskId !== shift.desk_id)
      throw new DomainError('Validation', {}, { fields: { deskId: { code: 'other_branch' } } });
    await updateShiftWith(
      d.temporal,
      shift.workflow_id,
      shiftMsg.callChosen,
      { ticketId: t.id, actor: actorOf(user) },
      updateId,
    );
    return { id: t.id };
  }
  const agentId = user.role === 'agent' ? user.id : body.agentId;
  if (agentId === undefined) throw new DomainError('Validation', {}, { fields: { agentId: { code: 'required' } } });
  const agent: { id: number; branch_id: number | null; first_name: string; last_name: string } | undefined = await d
    .db('users')
    .where({ id: agentId, entity_id: user.entityId, role: 'agent', active: true })
    .first('id', 'branch_id', 'first_name', 'last_name');
  if (!agent) throw new DomainError('Validation', {}, { fields: { agentId: { code: 'unknown_reference' } } });
  if (agent.branch_id !== t.branch_id)
    throw new DomainError('Validation', {}, { fields: { agentId: { code: 'other_branch' } } });
  const deskId = await deskOf(d.db, agentId, t.branch_id, body.deskId);
  const name = `${agent.first_name} ${agent.last_name}`.trim();
  // Issue 16: a call to an agent at a desk goes through their shift like their own "Attend", so
  // the one availability rule (Online and free) holds; its refusal names the agent, since the
  // one reading it is the supervisor, not the agent. An agent with no open shift is called to the
  // desk the supervisor named, unless they already hold a customer.
  const agentShift = await openShiftRow(d.db, agentId);
  if (agentShift) {
    await updateShiftWith(
      d.temporal,
      agentShift.workflow_id,
      shiftMsg.callChosen,
      { ticketId: t.id, actor: actorOf(user) },
      updateId,
    ).catch((err: unknown) => {
      throw aboutAgent(err, name);
    });
    return { id: t.id };
  }
  return updateTicket(d.temporal, ticketId, msg.callTicket, { actor: actorOf(user), agentId, deskId }, updateId).catch(
    (err: unknown) => {
      throw aboutAgent(err, name);
    },
  );
}

/** The shift's "you are not Online / you already have a customer", reworded about the named agent. */
function aboutAgent(err: unknown, agent: string): unknown {
  if (!(err instanceof DomainError)) return err;
  if (err.code === 'NotOnline') return new DomainError('AgentNotOnline', { agent, state: err.params.state });
  if (err.code === 'AlreadyHasCustomer' || err.code === 'AgentBusy')
    return new DomainError('AgentNotFree', { agent, number: err.params.number ?? null });
  return err;
}

const simple =
  <A extends object>(action: TicketAction, def: Parameters<typeof updateTicket<A & msg.WithActor>>[2]) =>
  async (d: Deps, user: SessionUser, ticketId: string, body: A, updateId?: string): Promise<TicketView> => {
    await loadTicketForAction(d.db, user, ticketId, action);
    return updateTicket(d.temporal, ticketId, def, { ...body, actor: actorOf(user) }, updateId);
  };

export const recallTicket = simple<object>('recall', msg.recallTicket);
export const attendTicket = simple<object>('attend', msg.attendTicket);
export const finishTicket = simple<z.infer<typeof FinishBody>>('finish', msg.finishTicket);
export const requeueTicket = simple<z.infer<typeof RequeueBody>>('requeue', msg.requeueTicket);
export const cancelTicket = simple<z.infer<typeof CancelBody>>('cancel', msg.cancelTicket);
export const markNoShow = simple<z.infer<typeof CancelBody>>('no-show', msg.markNoShow);
export const addNote = simple<z.infer<typeof NoteBody>>('notes', msg.addNote);
export const setTopics = simple<z.infer<typeof TopicsBody>>('topics', msg.setTopics);
export const confirmAppointment = simple<object>('confirm', msg.confirmAppointment);
export const checkIn = simple<object>('check-in', msg.checkIn);

export async function transferTicket(
  d: Deps,
  user: SessionUser,
  ticketId: string,
  body: z.infer<typeof TransferBody>,
  updateId?: string,
): Promise<TicketView> {
  const t = await loadTicketForAction(d.db, user, ticketId, 'transfer');
  if (body.agentId !== undefined) {
    const agent = await d
      .db('users')
      .where({ id: body.agentId, entity_id: user.entityId, branch_id: t.branch_id, role: 'agent', active: true })
      .first('id');
    if (!agent) throw new DomainError('Validation', {}, { fields: { agentId: { code: 'other_branch' } } });
  }
  return updateTicket(d.temporal, ticketId, msg.transferTicket, { ...body, actor: actorOf(user) }, updateId);
}

export async function editCustomer(
  d: Deps,
  user: SessionUser,
  ticketId: string,
  body: z.infer<typeof EditCustomerBody>,
  updateId?: string,
): Promise<TicketView> {
  const t = await loadTicketForAction(d.db, user, ticketId, 'customer');
  const actor = actorOf(user);
  if ('customerId' in body) {
    const c = await d.db('customers').where({ id: body.customerId, entity_id: user.entityId }).first('id');
    if (!c) throw new DomainError('Validation', {}, { fields: { customerId: { code: 'unknown_reference' } } });
    return updateTicket(
      d.temporal,
      ticketId,
      msg.editCustomer,
      { customer: {}, customerId: body.customerId, actor },
      updateId,
    );
  }
  const current = t.customer_id;
  if (!current && !body.firstName)
    throw new DomainError('Validation', {}, { fields: { firstName: { code: 'required' } } });
  // A new customer, or an ID number / e-mail changed to another customer's: ask, never merge.
  await refuseKnownCustomer(d.db, user.entityId, body, current);
  return updateTicket(d.temporal, ticketId, msg.editCustomer, { customer: body, actor }, updateId);
}
