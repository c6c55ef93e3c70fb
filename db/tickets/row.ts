// The tickets table as TypeScript sees it, and the one mapping from a row to the ticket every API
// answer gives (domain/contracts/tickets.ts) and to the workflow's own view (TicketView).
import type { Knex } from 'knex';
import type { Ticket } from '../../domain/contracts/tickets.js';
import type { TicketView } from '../../domain/ticket-messages.js';
import type { TicketKind, TicketStatus } from '../../domain/tickets.js';
import { iso } from '../dates.js';

/** A row of `tickets` as pg returns it: timestamps as Date, the service day as 'YYYY-MM-DD'. */
export interface TicketRow {
  id: string;
  entity_id: number;
  branch_id: number;
  service_id: number;
  numbered_service_id: number;
  customer_id: number | null;
  appointment_id: number | null;
  kind: TicketKind;
  status: TicketStatus;
  service_day: string;
  seq: number;
  number: string;
  priority: number;
  priority_id: number | null;
  arrival_at: Date;
  scheduled_at: Date | null;
  queued_at: Date | null;
  called_at: Date | null;
  attending_at: Date | null;
  ended_at: Date | null;
  /** When the ticket entered its status: only a status change moves it (A11's clock, issue 16). */
  status_at: Date;
  desk_id: number | null;
  agent_id: number | null;
  preferred_agent_id: number | null;
  recall_count: number;
  requeue_count: number;
  no_answer_count: number;
  workflow_id: string;
  last_event_seq: number;
  created_at: Date;
  updated_at: Date;
}

/** A ticket with the names a list or detail shows, as `ticketQuery` selects it. */
export interface TicketNamedRow extends TicketRow {
  service_name: string;
  department_id: number;
  desk_name: string | null;
  customer_name: string | null;
  customer_id_number: string | null;
  agent_name: string | null;
  topic_ids: number[];
  appointment_code: string | null;
}

/** Tickets (alias `t`) with their names and topics; services as `s`, branches `b`, customers `c`, agents `u`. */
export const ticketQuery = (db: Knex | Knex.Transaction): Knex.QueryBuilder =>
  db('tickets as t')
    .join('services as s', 's.id', 't.service_id')
    .join('branches as b', 'b.id', 't.branch_id')
    .leftJoin('customers as c', 'c.id', 't.customer_id')
    .leftJoin('users as u', 'u.id', 't.agent_id')
    .leftJoin('desks as d', 'd.id', 't.desk_id')
    .select(
      't.*',
      's.name as service_name',
      's.department_id',
      'd.name as desk_name',
      db.raw(`nullif(trim(c.first_name || ' ' || c.last_name), '') as customer_name`),
      'c.id_number as customer_id_number',
      db.raw('(select a.code from appointments a where a.id = t.appointment_id) as appointment_code'),
      db.raw(`nullif(trim(u.first_name || ' ' || u.last_name), '') as agent_name`),
      db.raw(
        'array(select tt.topic_id from ticket_topics tt where tt.ticket_id = t.id order by tt.topic_id) as topic_ids',
      ),
    );

/** One ticket with its names, or undefined. */
export async function namedTicket(db: Knex | Knex.Transaction, ticketId: string): Promise<TicketNamedRow | undefined> {
  const row: TicketNamedRow | undefined = await ticketQuery(db).where('t.id', ticketId).first();
  return row;
}

/** The ticket's topics (C8), in id order. */
export async function topicIdsOf(db: Knex | Knex.Transaction, ticketId: string): Promise<number[]> {
  const ids: number[] = await db('ticket_topics').where({ ticket_id: ticketId }).orderBy('topic_id').pluck('topic_id');
  return ids;
}

/** `temporalUrl`: the workflow's Web UI page for the asking user (operators only), else null. */
export function toTicket(r: TicketNamedRow, temporalUrl: string | null): Ticket {
  return {
    id: r.id,
    number: r.number,
    status: r.status,
    kind: r.kind,
    priority: r.priority,
    branchId: r.branch_id,
    serviceId: r.service_id,
    serviceName: r.service_name,
    departmentId: r.department_id,
    customerId: r.customer_id,
    customerName: r.customer_name,
    customerIdNumber: r.customer_id_number,
    agentId: r.agent_id,
    agentName: r.agent_name,
    deskId: r.desk_id,
    deskName: r.desk_name,
    preferredAgentId: r.preferred_agent_id,
    arrivalAt: iso(r.arrival_at),
    scheduledAt: iso(r.scheduled_at),
    appointmentCode: r.appointment_code ?? null,
    calledAt: iso(r.called_at),
    attendingAt: iso(r.attending_at),
    endedAt: iso(r.ended_at),
    statusSince: iso(r.status_at),
    serviceDay: r.service_day,
    recallCount: r.recall_count,
    requeueCount: r.requeue_count,
    noAnswerCount: r.no_answer_count,
    topicIds: r.topic_ids,
    workflowId: r.workflow_id,
    temporalUrl,
  };
}

/** The workflow's view of its ticket, as a (re)started workflow carries it from the row. */
export function toView(r: TicketRow, topicIds: number[]): TicketView {
  return {
    id: r.id,
    number: r.number,
    kind: r.kind,
    status: r.status,
    branchId: r.branch_id,
    serviceId: r.service_id,
    customerId: r.customer_id,
    priority: r.priority,
    arrivalAt: iso(r.arrival_at),
    scheduledAt: iso(r.scheduled_at),
    statusSince: iso(r.status_at),
    agentId: r.agent_id,
    deskId: r.desk_id,
    preferredAgentId: r.preferred_agent_id,
    recallCount: r.recall_count,
    requeueCount: r.requeue_count,
    noAnswerCount: r.no_answer_count,
    topicIds,
  };
}
