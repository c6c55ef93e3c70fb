// Issue 18: the timeline becomes a table partitioned by month of its ticket's service day
// (db/history/partitions.ts keeps the months coming). PostgreSQL's unique keys on a partitioned
// table must hold the partition key, so a step's key is (ticket_id, seq, service_day); a foreign
// key (ticket_id, service_day) → tickets (id, service_day) makes every step carry its ticket's own
// day, so that key is exactly as strict as the old unique (ticket_id, seq): a step is written once.
// The rows are copied in one transaction (about a minute per million tickets' history).
import type { Knex } from 'knex';
import { TICKET_STATUSES, TIMELINE_EVENT_TYPES } from '../../domain/tickets.js';
import { ensureTimelinePartitions } from '../history/partitions.js';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');
const COLUMNS = 'id, ticket_id, seq, type, from_status, to_status, actor_type, actor_id, actor_name, details, at';

export async function up(knex: Knex): Promise<void> {
  await knex.raw('alter table tickets add constraint tickets_id_service_day_unique unique (id, service_day)');
  await knex.raw('alter table ticket_events rename to ticket_events_unpartitioned');
  // Index names are per schema: the old table gives its names up before the new one takes them.
  await knex.raw('alter table ticket_events_unpartitioned drop constraint ticket_events_pkey');
  await knex.raw('alter table ticket_events_unpartitioned drop constraint ticket_events_ticket_id_seq_unique');
  await knex.raw(`
    create table ticket_events (
      id bigint not null default nextval('ticket_events_id_seq'),
      ticket_id uuid not null,
      service_day date not null,
      seq integer not null,
      type text not null constraint ticket_events_type_check check (type in (${list(TIMELINE_EVENT_TYPES)})),
      from_status text constraint ticket_events_from_status_check check (from_status in (${list(TICKET_STATUSES)})),
      to_status text constraint ticket_events_to_status_check check (to_status in (${list(TICKET_STATUSES)})),
      actor_type text not null constraint ticket_events_actor_type_check check (actor_type in ('user', 'customer', 'system')),
      actor_id integer,
      actor_name varchar(160),
      details jsonb not null default '{}',
      at timestamptz not null,
      constraint ticket_events_pkey primary key (id, service_day),
      constraint ticket_events_step_unique unique (ticket_id, seq, service_day),
      constraint ticket_events_ticket_foreign foreign key (ticket_id, service_day)
        references tickets (id, service_day) on delete cascade
    ) partition by range (service_day)`);
  await knex.raw('create table ticket_events_default partition of ticket_events default');
  const first = await knex.raw<{ rows: { day: string | null }[] }>(
    `select to_char(min(service_day), 'YYYY-MM-DD') as day from tickets`,
  );
  const from = first.rows[0]?.day ? new Date(`${first.rows[0].day}T00:00:00Z`) : undefined;
  await ensureTimelinePartitions(knex, { from });
  await knex.raw(`
    insert into ticket_events (${COLUMNS}, service_day)
    select ${COLUMNS.split(', ')
      .map((c) => `e.${c}`)
      .join(', ')}, t.service_day
    from ticket_events_unpartitioned e join tickets t on t.id = e.ticket_id`);
  await knex.raw('alter sequence ticket_events_id_seq owned by ticket_events.id');
  await knex.raw('drop table ticket_events_unpartitioned');
}

export async function down(): Promise<void> {
  // The partitioned timeline stays: folding it back would rewrite the whole audit history.
}
