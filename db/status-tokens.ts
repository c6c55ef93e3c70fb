// Status-page tokens (H5): 32 random bytes in the link, SHA-256 in the database. Here, not in the
// API, because the worker issues them too: every customer message links to the status page.
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from './knex.js';

const digest = (token: string) => createHash('sha256').update(token).digest('hex');

export async function issueStatusToken(db: Db, ticketId: string): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db('ticket_status_tokens').insert({ token_hash: digest(token), ticket_id: ticketId });
  return token;
}

export async function ticketOfToken(db: Db, token: string): Promise<string | undefined> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return undefined;
  const row: { ticket_id: string } | undefined = await db('ticket_status_tokens')
    .where({ token_hash: digest(token) })
    .first('ticket_id');
  return row?.ticket_id;
}

/** What the kiosk hands over with a ticket: a new token and the status page's path. */
export async function statusLink(db: Db, ticketId: string): Promise<{ token: string; statusUrl: string }> {
  const token = await issueStatusToken(db, ticketId);
  return { token, statusUrl: `/status/${token}` };
}
