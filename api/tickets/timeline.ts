import { iso } from '../../db/dates.js';
import type { Db } from '../../db/knex.js';
import type { TimelineEvent } from '../../domain/contracts/tickets.js';
import type { Actor, TicketStatus, TimelineEventType } from '../../domain/tickets.js';
import { eventsOf } from '../../db/tickets/events.js';
import { stepNames } from '../../db/tickets/step-names.js';

/** A row of `ticket_events` as the timeline reads it. */
interface EventRow {
  seq: number;
  type: TimelineEventType;
  from_status: TicketStatus | null;
  to_status: TicketStatus | null;
  actor_type: Actor['type'];
  actor_id: number | null;
  actor_name: string | null;
  details: Record<string, unknown>;
  at: Date;
}

/** B7: every step of a ticket with time, actor and details, oldest first, and the names its ids stand for (issue 16). */
export async function timelineOf(db: Db, ticketId: string): Promise<TimelineEvent[]> {
  const rows: EventRow[] = await eventsOf(db, ticketId)
    .orderBy('seq')
    .select('seq', 'type', 'from_status', 'to_status', 'actor_type', 'actor_id', 'actor_name', 'details', 'at');
  const names = await stepNames(
    db,
    rows.map((e) => e.details),
  );
  return rows.map((e, i) => ({
    seq: e.seq,
    type: e.type,
    from: e.from_status,
    to: e.to_status,
    at: iso(e.at),
    actor: { type: e.actor_type, id: e.actor_id, name: e.actor_name },
    details: e.details,
    names: names[i],
  }));
}
