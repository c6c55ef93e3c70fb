// A ticket's timeline rows. The timeline is partitioned by its ticket's service day (migration
// 019): naming the day (read from the ticket by the same statement) lets PostgreSQL read only
// that month's partition instead of probing every month's index.
import type { Knex } from 'knex';
import type { Db } from '../knex.js';

export const eventsOf = (db: Db | Knex.Transaction, ticketId: string): Knex.QueryBuilder =>
  db('ticket_events')
    .where({ ticket_id: ticketId })
    .whereRaw('service_day = (select service_day from tickets where id = ?)', [ticketId]);
