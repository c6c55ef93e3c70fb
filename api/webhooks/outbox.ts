// Turns durable lifecycle records into webhook deliveries (H8).
//
// Why an outbox poller in the API rather than a Temporal workflow per event: every ticket step
// and shift state is already written exactly once, in the same transaction as the change, to
// ticket_events / shift_state_periods — that *is* a transactional outbox. Reading it needs no
// change to the ticket and shift workflows, adds no Temporal history per event, and survives
// restarts because the cursor and each delivery's retry schedule live in PostgreSQL. The unique
// (webhook_id, event_key) makes every enqueue idempotent, so overlapping scans are harmless.
import type { Db } from '../../db/knex.js';

/**
 * Ids are assigned at insert but become visible at commit, so a slow transaction can commit an
 * id below the cursor. Each scan re-reads this many ids behind the cursor; the unique key drops
 * what was already enqueued.
 */
const OVERLAP = 500;

interface Source {
  name: string;
  sql: string;
}

const TICKET_EVENTS: Source = {
  name: 'ticket_events',
  sql: `
    insert into webhook_deliveries (webhook_id, event_key, event, payload, next_attempt_at)
    select w.id, 'ticket:' || e.ticket_id || ':' || e.seq, 'ticket.' || e.type,
      jsonb_build_object(
        'event', 'ticket.' || e.type, 'key', 'ticket:' || e.ticket_id || ':' || e.seq, 'occurredAt', e.at,
        'entityId', t.entity_id,
        'ticket', json_build_object('id', t.id, 'number', t.number, 'kind', t.kind, 'branchId', t.branch_id, 'serviceId', t.service_id),
        'fromStatus', e.from_status, 'toStatus', e.to_status,
        -- Why a requeue, transfer, cancel or no-show happened (issue 16), as the person gave it.
        'reason', e.details->>'reason',
        'actor', json_build_object('type', e.actor_type, 'id', e.actor_id))
      -- Issue 20: a message's step says which message, on which channel, and the relay's or
      -- provider's id (never the recipient or the text: those stay in the outbox).
      || case when e.type in ('message_sent', 'message_failed') then jsonb_build_object('message', jsonb_build_object(
        'kind', e.details->>'kind', 'channel', e.details->>'channel', 'providerId', e.details->>'providerId'))
        else '{}'::jsonb end,
      now()
    from ticket_events e
    join tickets t on t.id = e.ticket_id
    join webhooks w on w.entity_id = t.entity_id and w.active and e.at >= w.created_at
      and (cardinality(w.events) = 0 or ('ticket.' || e.type) = any(w.events))
    where e.id > ? and e.id <= ?
    on conflict (webhook_id, event_key) do nothing`,
};

const SHIFT_STATES: Source = {
  name: 'shift_state_periods',
  sql: `
    insert into webhook_deliveries (webhook_id, event_key, event, payload, next_attempt_at)
    select w.id, 'shift:' || p.shift_id || ':' || p.seq, 'shift.state',
      json_build_object(
        'event', 'shift.state', 'key', 'shift:' || p.shift_id || ':' || p.seq, 'occurredAt', p.started_at,
        'entityId', u.entity_id,
        'shift', json_build_object('id', s.id, 'userId', s.user_id, 'branchId', s.branch_id, 'deskId', s.desk_id),
        'state', p.state),
      now()
    from shift_state_periods p
    join shifts s on s.id = p.shift_id
    join users u on u.id = s.user_id
    join webhooks w on w.entity_id = u.entity_id and w.active and p.started_at >= w.created_at
      and (cardinality(w.events) = 0 or 'shift.state' = any(w.events))
    where p.id > ? and p.id <= ?
    on conflict (webhook_id, event_key) do nothing`,
};

/** Whether any entity has an active webhook (otherwise a round has nothing to do). */
export async function anyActiveWebhook(db: Db): Promise<boolean> {
  return (await db('webhooks').where({ active: true }).first(db.raw('1 as one'))) !== undefined;
}

/** Enqueues deliveries for records written since the last scan; returns how many were added. */
export async function enqueueNewEvents(db: Db): Promise<number> {
  let added = 0;
  for (const source of [TICKET_EVENTS, SHIFT_STATES]) {
    added += await db.transaction(async (trx) => {
      // One scanner at a time per source, across API instances; others skip this round.
      const { rows } = await trx.raw('select pg_try_advisory_xact_lock(hashtext(?)) as got', [
        `webhooks:${source.name}`,
      ]);
      if (!rows[0].got) return 0;
      await trx('webhook_cursors').insert({ source: source.name, last_id: 0 }).onConflict('source').ignore();
      const cursor = Number((await trx('webhook_cursors').where({ source: source.name }).first('last_id')).last_id);
      const top = await trx(source.name).max({ max: 'id' }).first();
      const upTo = Number(top?.max ?? 0);
      if (upTo === 0) return 0;
      const result = await trx.raw(source.sql, [Math.max(cursor - OVERLAP, 0), upTo]);
      await trx('webhook_cursors').where({ source: source.name }).update({ last_id: upTo });
      return result.rowCount ?? 0;
    });
  }
  return added;
}
