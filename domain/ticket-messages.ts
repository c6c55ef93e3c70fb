// The ticket workflow's messages, defined once (STYLE 1): the workflow, the API and the tests
// import these objects. Wire name = constant name.
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Actor, CallEventType, TicketKind, TicketStatus } from './tickets.js';

/** What the workflow starts with. Times are ISO strings (JSON state, no Date objects). */
export interface TicketInput {
  ticketId: string;
  entityId: number;
  branchId: number;
  serviceId: number;
  kind: TicketKind;
  customerId?: number;
  newCustomer?: CustomerFields;
  priorityId?: number;
  /** Appointment time: the ticket stays `scheduled` until its check-in window opens (H6). */
  scheduledAt?: string;
  actor: Actor;
}

export interface CustomerFields {
  firstName?: string;
  lastName?: string;
  email?: string | null;
  idNumber?: string | null;
  phone?: string | null;
  /** Issue 20: her consent per channel, captured where her contact is taken, and her messages' language. */
  notifyEmail?: boolean;
  notifySms?: boolean;
  notifyWhatsapp?: boolean;
  lang?: 'es' | 'en' | null;
}

/** The read model a caller gets back from every update. */
export interface TicketView {
  id: string;
  number: string;
  kind: TicketKind;
  status: TicketStatus;
  branchId: number;
  serviceId: number;
  customerId: number | null;
  priority: number;
  arrivalAt: string;
  scheduledAt: string | null;
  statusSince: string;
  agentId: number | null;
  deskId: number | null;
  /** Set by a transfer to a named agent: dispatch offers the ticket to that agent first. */
  preferredAgentId: number | null;
  recallCount: number;
  requeueCount: number;
  noAnswerCount: number;
  topicIds: number[];
}

export interface WithActor {
  actor: Actor;
}
export interface CallArgs extends WithActor {
  agentId: number;
  deskId: number;
}
export interface FinishArgs extends WithActor {
  topicIds?: number[];
}
export interface RequeueArgs extends WithActor {
  keepArrival?: boolean;
  reason?: string;
}
export interface CancelArgs extends WithActor {
  reason?: string;
}
export interface TransferArgs extends WithActor {
  serviceId?: number;
  agentId?: number;
  reason?: string;
}
export interface NoteArgs extends WithActor {
  text: string;
}
export interface TopicsArgs extends WithActor {
  topicIds: number[];
}
/** Either new values for the ticket's customer, or an existing customer of the entity to link (customerId). */
export interface EditCustomerArgs extends WithActor {
  customer: CustomerFields;
  customerId?: number;
}
/** An event of the video call; `details` is small JSON (≤ 2 KB), e.g. { offsetMs, text } for a tag. */
export interface CallEventArgs extends WithActor {
  type: CallEventType;
  details: Record<string, unknown>;
}

export const registered = defineUpdate<TicketView>('registered');
export const callTicket = defineUpdate<TicketView, [CallArgs]>('callTicket');
export const recallTicket = defineUpdate<TicketView, [WithActor]>('recallTicket');
export const attendTicket = defineUpdate<TicketView, [WithActor]>('attendTicket');
export const finishTicket = defineUpdate<TicketView, [FinishArgs]>('finishTicket');
export const requeueTicket = defineUpdate<TicketView, [RequeueArgs]>('requeueTicket');
export const cancelTicket = defineUpdate<TicketView, [CancelArgs]>('cancelTicket');
/** The holder marks the called customer a no-show (issue 16), with an optional reason. */
export const markNoShow = defineUpdate<TicketView, [CancelArgs]>('markNoShow');
export const transferTicket = defineUpdate<TicketView, [TransferArgs]>('transferTicket');
export const addNote = defineUpdate<TicketView, [NoteArgs]>('addNote');
export const setTopics = defineUpdate<TicketView, [TopicsArgs]>('setTopics');
export const editCustomer = defineUpdate<TicketView, [EditCustomerArgs]>('editCustomer');
export const confirmAppointment = defineUpdate<TicketView, [WithActor]>('confirmAppointment');
export const checkIn = defineUpdate<TicketView, [WithActor]>('checkIn');
export const recordCallEvent = defineUpdate<TicketView, [CallEventArgs]>('recordCallEvent');
/** The customer, called, says they are coming (status page, issue 17): once per call. */
export const customerOnTheWay = defineUpdate<TicketView, [WithActor]>('customerOnTheWay');
export const getTicket = defineQuery<TicketView>('getTicket');

export const NOTE_MAX_LENGTH = 2000;
