// Retention of customer data (issue 18): after an entity's `retention_months`, what identifies a
// customer or what they said is removed, and the figures stay. Per ticket: free text in its steps
// (notes, reasons, terms, tags, participants' and files' names) and the customer's own name as
// actor; its video chat, tags and files (the stored files too). Per customer: name, e-mail, ID
// number and phone, once they have had nothing since the cut-off. Statuses, times, agents, desks,
// services and topics are kept, so reports and rollups read the same before and after.
// Idempotent and batched: marked tickets are not read again, and a pass resumes where one stopped.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../knex.js';
import { ENDED_STATUSES } from '../../domain/tickets.js';
import { pgArray } from '../reports/facts.js';

/** Step detail keys that are figures or references, never personal: everything else is removed. */
export const KEPT_DETAIL_KEYS = [
  'agentId',
  'deskId',
  'recallCount',
  'topicIds',
  'keepArrival',
  'number',
  'kind',
  'serviceId',
  'fromServiceId',
  'toServiceId',
  'toAgentId',
  'noAnswerCount',
  'linkedCustomerId',
  'fields',
  'termsId',
  'accepted',
  'tagId',
  'offsetMs',
  'fileId',
  'mime',
  'size',
  'by',
  'role',
] as const;

const BATCH = 500;
const ended = ENDED_STATUSES.map((s) => `'${s}'`).join(', ');

export interface RetentionPass {
  tickets: number;
  customers: number;
  files: number;
}

/**
 * One pass over every entity with a retention: `now` decides the cut-off (the first day kept is
 * `now` minus the entity's months); `filesDir` is where uploaded files are stored (the API's).
 */
export async function anonymiseExpired(
  db: Db,
  opts: { now?: Date; filesDir?: string; progress?: (done: RetentionPass) => void } = {},
): Promise<RetentionPass> {
  const now = opts.now ?? new Date();
  const done: RetentionPass = { tickets: 0, customers: 0, files: 0 };
  const entities: { id: number; retention_months: number }[] = await db('entities')
    .whereNotNull('retention_months')
    .select('id', 'retention_months');
  for (const e of entities) {
    const cutoff = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - e.retention_months, now.getUTCDate()))
      .toISOString()
      .slice(0, 10);
    for (;;) {
      const batch = await anonymiseTickets(db, e.id, cutoff, opts.filesDir);
      if (batch.tickets === 0) break;
      done.tickets += batch.tickets;
      done.files += batch.files;
      opts.progress?.(done);
    }
    done.customers += await anonymiseCustomers(db, e.id, cutoff);
  }
  return done;
}

async function anonymiseTickets(
  db: Db,
  entityId: number,
  cutoff: string,
  filesDir: string | undefined,
): Promise<{ tickets: number; files: number }> {
  return db.transaction(async (trx) => {
    const { rows: tickets } = await trx.raw<{ rows: { id: string; service_day: string }[] }>(
      `select id, service_day from tickets
       where entity_id = ? and service_day < ? and anonymised_at is null and status in (${ended})
       order by service_day limit ${BATCH} for update skip locked`,
      [entityId, cutoff],
    );
    if (tickets.length === 0) return { tickets: 0, files: 0 };
    const ids = tickets.map((t) => t.id);
    const pairs = `select * from unnest(cast(? as uuid[]), cast(? as date[])) as p(id, day)`;
    const kept = pgArray(KEPT_DETAIL_KEYS);
    await trx.raw(
      `update ticket_events e set
         details = coalesce((select jsonb_object_agg(k, v) from jsonb_each(e.details) as d(k, v) where k = any(cast(? as text[]))), '{}')
           || case when exists (select 1 from jsonb_object_keys(e.details) k where k <> all(cast(? as text[]))) then '{"anonymised": true}'::jsonb else '{}' end,
         actor_name = case when e.actor_type = 'customer' then null else e.actor_name end
       from (${pairs}) p where e.ticket_id = p.id and e.service_day = p.day`,
      [kept, kept, pgArray(ids), pgArray(tickets.map((t) => t.service_day))],
    );
    const rooms = trx('video_rooms').whereIn('ticket_id', ids).select('id');
    // A message that carried a file keeps its link (a file row, now nameless); its text goes.
    await trx('chat_messages').whereIn('room_id', rooms).whereNotNull('file_id').update({ body: null });
    await trx('chat_messages').whereIn('room_id', rooms).whereNull('file_id').update({ body: '' });
    await trx('tags').whereIn('room_id', rooms).update({ body: '' });
    // Issue 20: her satisfaction comment goes; the score stays (a figure of the reports).
    await trx('surveys').whereIn('ticket_id', ids).whereNotNull('comment').update({ comment: null });
    // Issue 20: what she was sent names her and where she was reached; kind, status and dates stay.
    await trx('messages').whereIn('ticket_id', ids).update({ recipient: null, subject: null, body: null });
    const files: { storage_key: string }[] = await trx('files')
      .whereIn('room_id', rooms)
      .whereNot('name', '')
      .update({ name: '' })
      .returning('storage_key');
    // The stored files go before the batch commits: if one cannot be removed the batch rolls
    // back and the next pass tries again (a file already gone is no error).
    for (const f of files) {
      if (filesDir) await fs.rm(path.join(filesDir, path.basename(f.storage_key)), { force: true });
    }
    await trx('tickets').whereIn('id', ids).update({ anonymised_at: trx.fn.now() });
    return { tickets: ids.length, files: files.length };
  });
}

/** Customers of the entity with nothing on or after the cut-off (no ticket, no appointment, not created since) and nothing open. */
async function anonymiseCustomers(db: Db, entityId: number, cutoff: string): Promise<number> {
  return (
    db('customers as c')
      .where('c.entity_id', entityId)
      .whereNull('c.anonymised_at')
      .where('c.created_at', '<', cutoff)
      // A ticket since the cut-off, or one still open (a stuck one is released first), keeps them.
      .whereNotExists((q) =>
        q
          .from('tickets as t')
          .whereRaw('t.customer_id = c.id')
          .where((w) => w.where('t.service_day', '>=', cutoff).orWhereRaw(`t.status not in (${ended})`)),
      )
      .whereNotExists((q) =>
        q.from('appointments as a').whereRaw('a.customer_id = c.id').where('a.scheduled_at', '>=', cutoff),
      )
      .update({ first_name: '', last_name: '', email: null, id_number: null, phone: null, anonymised_at: db.fn.now() })
  );
}
