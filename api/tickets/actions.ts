// One function per ticket action: check access, translate the body into a workflow Update.
import type { Db } from '../../db/knex.js';
import { DomainError } from '../../domain/errors.js';
import * as msg from '../../domain/ticket-messages.js';
import type { TicketView } from '../../domain/ticket-messages.js';
import type { ApiDeps } from '../deps.js';
import { actorOf } from '../auth/middleware.js';
import type { SessionUser } from '../auth/sessions.js';
import { loadTicketFor } from './access.js';
import type { CallBody, CancelBody, EditCustomerBody, FinishBody, NoteBody, RequeueBody, TopicsBody, TransferBody } from './schemas.js';
import { updateTicket } from './workflow-client.js';
import type { z } from 'zod';

type Deps = Pick<ApiDeps, 'db' | 'temporal'>;

/** The desk an agent works at now: their open shift's. */
async function deskOf(db: Db, user: SessionUser, requested?: number): Promise<number> {
  const shift = await db('shifts').where({ user_id: user.id }).whereNull('ended_at').first('desk_id');
  if (shift) return shift.desk_id as number;
  if (requested !== undefined) {
    const desk = await db('desks').where({ id: requested, branch_id: user.branchId }).first('id');
    if (desk) return desk.id as number;
  }
  throw new DomainError('Conflict', 'Log in at a desk before calling tickets.');
}

export async function callTicket(d: Deps, user: SessionUser, ticketId: string, body: z.infer<typeof CallBody>, updateId?: string): Promise<TicketView> {
  await loadTicketFor(d.db, user, ticketId);
  if (user.role !== 'agent' && body.agentId === undefined) throw new DomainError('Validation', 'Only agents call tickets to their desk; supervisors name the agent.', { field: 'agentId' });
  const agentId = user.role === 'agent' ? user.id : (body.agentId as number);
  const agent = await d.db('users').where({ id: agentId, entity_id: user.entityId, role: 'agent' }).first('id', 'branch_id', 'first_name', 'last_name', 'role', 'entity_id', 'email');
  if (!agent) throw new DomainError('Validation', 'Unknown agent.', { field: 'agentId' });
  const deskId = await deskOf(d.db, { ...user, id: agentId, branchId: agent.branch_id }, body.deskId);
  return updateTicket(d.temporal, ticketId, msg.callTicket, { actor: actorOf(user), agentId, deskId }, updateId);
}

const simple = <A extends object>(def: Parameters<typeof updateTicket<A & msg.WithActor>>[2]) =>
  async (d: Deps, user: SessionUser, ticketId: string, body: A, updateId?: string): Promise<TicketView> => {
    await loadTicketFor(d.db, user, ticketId);
    return updateTicket(d.temporal, ticketId, def, { ...body, actor: actorOf(user) }, updateId);
  };

export const recallTicket = simple<object>(msg.recallTicket);
export const attendTicket = simple<object>(msg.attendTicket);
export const finishTicket = simple<z.infer<typeof FinishBody>>(msg.finishTicket);
export const requeueTicket = simple<z.infer<typeof RequeueBody>>(msg.requeueTicket);
export const cancelTicket = simple<z.infer<typeof CancelBody>>(msg.cancelTicket);
export const addNote = simple<z.infer<typeof NoteBody>>(msg.addNote);
export const setTopics = simple<z.infer<typeof TopicsBody>>(msg.setTopics);
export const confirmAppointment = simple<object>(msg.confirmAppointment);
export const checkIn = simple<object>(msg.checkIn);

export async function transferTicket(d: Deps, user: SessionUser, ticketId: string, body: z.infer<typeof TransferBody>, updateId?: string): Promise<TicketView> {
  const t = await loadTicketFor(d.db, user, ticketId);
  if (body.agentId !== undefined) {
    const agent = await d.db('users').where({ id: body.agentId, entity_id: user.entityId, branch_id: t.branch_id, role: 'agent', active: true }).first('id');
    if (!agent) throw new DomainError('Validation', 'That agent does not work at this branch.', { field: 'agentId' });
  }
  return updateTicket(d.temporal, ticketId, msg.transferTicket, { ...body, actor: actorOf(user) }, updateId);
}

export async function editCustomer(d: Deps, user: SessionUser, ticketId: string, body: z.infer<typeof EditCustomerBody>, updateId?: string): Promise<TicketView> {
  const t = await loadTicketFor(d.db, user, ticketId);
  if (!t.customer_id && !body.firstName) throw new DomainError('Validation', 'A new customer needs a first name.', { field: 'firstName' });
  if (body.idNumber) {
    const other = await d.db('customers').where({ entity_id: user.entityId, id_number: body.idNumber }).whereNot('id', (t.customer_id as number | null) ?? 0).first('id');
    if (other && t.customer_id) throw new DomainError('Conflict', 'Another customer has that ID number.', { field: 'idNumber' });
  }
  return updateTicket(d.temporal, ticketId, msg.editCustomer, { customer: body, actor: actorOf(user) }, updateId);
}
