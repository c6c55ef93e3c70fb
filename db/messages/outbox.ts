// Issue 20: the messages table as the send activity uses it. A row per (ticket, kind, channel,
// occasion) is reserved before anything is sent; its recorded provider_id is the proof of
// acceptance that makes every later attempt send nothing.
import type { Db } from '../knex.js';
import type { MessageChannel, MessageKind, MessageLang, MessageStatus } from '../../domain/messages.js';

export interface MessageRow {
  id: number;
  entity_id: number;
  branch_id: number;
  ticket_id: string;
  customer_id: number | null;
  kind: MessageKind;
  channel: MessageChannel;
  occasion: number;
  lang: MessageLang;
  recipient: string | null;
  subject: string | null;
  body: string | null;
  status: MessageStatus;
  attempts: number;
  provider_id: string | null;
  error: string | null;
}

export async function reserveMessage(
  db: Db,
  key: Pick<
    MessageRow,
    'entity_id' | 'branch_id' | 'ticket_id' | 'customer_id' | 'kind' | 'channel' | 'occasion' | 'lang'
  >,
): Promise<MessageRow> {
  await db('messages').insert(key).onConflict(['ticket_id', 'kind', 'channel', 'occasion']).ignore();
  const row: MessageRow = await db('messages')
    .where({ ticket_id: key.ticket_id, kind: key.kind, channel: key.channel, occasion: key.occasion })
    .first();
  return { ...row, id: Number(row.id) };
}

/** An attempt starts: what is about to be sent, to whom. From here a lost answer may mean a duplicate. */
export async function markSending(
  db: Db,
  id: number,
  m: { recipient: string; subject: string; body: string },
): Promise<void> {
  await db('messages')
    .where({ id })
    .whereNot({ status: 'sent' })
    .update({ ...m, status: 'sending', attempts: db.raw('attempts + 1'), updated_at: db.fn.now() });
}

export async function markSent(db: Db, id: number, providerId: string): Promise<void> {
  await db('messages')
    .where({ id })
    .update({ status: 'sent', provider_id: providerId, error: null, sent_at: db.fn.now(), updated_at: db.fn.now() });
}

export async function markError(db: Db, id: number, error: string, givenUp: boolean): Promise<void> {
  await db('messages')
    .where({ id })
    .whereNot({ status: 'sent' })
    .update({ error: error.slice(0, 2000), ...(givenUp ? { status: 'failed' } : {}), updated_at: db.fn.now() });
}
