// Issue 16: a customer's past visits for the customer panel at the desk — the latest ended
// tickets of that customer in the entity (date, branch, service, agent, topics and notes; issue 20,
// her satisfaction answer to each, and the average of all of them). One
// statement; the notes are read from each ticket's own timeline partition (its service day).
import type { CustomerVisits } from '../../domain/contracts/tickets.js';
import { ENDED_STATUSES, type TicketKind, type TicketStatus } from '../../domain/tickets.js';
import { iso } from '../dates.js';
import type { Db } from '../knex.js';

interface VisitRow {
  id: string;
  number: string;
  status: TicketStatus;
  kind: TicketKind;
  arrival_at: Date;
  branch_name: string;
  service_name: string;
  agent_name: string | null;
  topics: string[];
  notes: string[];
  score: number | null;
  comment: string | null;
  total: string;
}

/** Newest first, at most `limit`; `entityId` is the caller's, so another entity's customer has none. */
export async function customerVisits(
  db: Db,
  entityId: number,
  customerId: number,
  limit: number,
): Promise<CustomerVisits> {
  const rows: VisitRow[] = await db('tickets as t')
    .join('services as s', 's.id', 't.service_id')
    .join('branches as b', 'b.id', 't.branch_id')
    .leftJoin('users as u', 'u.id', 't.agent_id')
    .leftJoin('surveys as sv', 'sv.ticket_id', 't.id')
    .where({ 't.customer_id': customerId, 't.entity_id': entityId })
    .whereIn('t.status', ENDED_STATUSES)
    .orderBy('t.arrival_at', 'desc')
    .limit(limit)
    .select(
      't.id',
      't.number',
      't.status',
      't.kind',
      't.arrival_at',
      'b.name as branch_name',
      's.name as service_name',
      db.raw(`nullif(trim(u.first_name || ' ' || u.last_name), '') as agent_name`),
      db.raw(
        `array(select tp.name from ticket_topics tt join topics tp on tp.id = tt.topic_id
                where tt.ticket_id = t.id order by tp.name) as topics`,
      ),
      db.raw(
        `array(select e.details->>'text' from ticket_events e
                where e.ticket_id = t.id and e.service_day = t.service_day and e.type = 'note'
                  and e.details->>'text' is not null order by e.seq) as notes`,
      ),
      'sv.score',
      'sv.comment',
      db.raw('count(*) over () as total'),
    );
  // Issue 20: her answers over every visit of the entity, not only this page's.
  const answered: { answers: string; avg: string | null } | undefined = await db('surveys')
    .where({ customer_id: customerId, entity_id: entityId })
    .first(db.raw('count(*) as answers'), db.raw('avg(score) as avg'));
  return {
    // A window count is taken before the limit: every ended visit, not just this page's.
    total: rows.length ? Number(rows[0]?.total) : 0,
    visits: rows.map((r) => ({
      ticketId: r.id,
      number: r.number,
      status: r.status,
      kind: r.kind,
      at: iso(r.arrival_at),
      branchName: r.branch_name,
      serviceName: r.service_name,
      agentName: r.agent_name,
      topics: r.topics,
      notes: r.notes,
      survey: r.score === null ? null : { score: r.score, comment: r.comment },
    })),
    surveys: {
      answers: Number(answered?.answers ?? 0),
      avgScore: answered?.avg == null ? null : Math.round(Number(answered.avg) * 10) / 10,
    },
  };
}
