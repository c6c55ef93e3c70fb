import type { Db } from '../../db/knex.js';

/** B7: every step of a ticket with time, actor and details, oldest first. */
export async function timelineOf(db: Db, ticketId: string) {
  const rows = await db('ticket_events').where({ ticket_id: ticketId }).orderBy('seq')
    .select('seq', 'type', 'from_status', 'to_status', 'actor_type', 'actor_id', 'actor_name', 'details', 'at');
  return rows.map((e) => ({
    seq: e.seq, type: e.type, from: e.from_status, to: e.to_status, at: (e.at as Date).toISOString(),
    actor: { type: e.actor_type, id: e.actor_id, name: e.actor_name }, details: e.details,
  }));
}
