// A2: notifications written by the system (appointment confirmations, break caps). Each row has
// a dedupe key naming its fact, so a retried activity adds no second row and announces only
// the rows it really added.
import type { Knex } from 'knex';
import { announce } from './announce.js';

export interface NewNotification {
  user_id: number;
  type: string;
  title: string;
  body: string | null;
  data: Record<string, unknown>;
  dedupe_key: string;
}

/** Returns how many were added (a retry adds none). */
export async function addNotifications(
  trx: Knex.Transaction,
  entityId: number,
  rows: NewNotification[],
): Promise<number> {
  if (!rows.length) return 0;
  const inserted: { id: number; user_id: number }[] = await trx('notifications')
    .insert(rows.map((r) => ({ ...r, entity_id: entityId, data: JSON.stringify(r.data) })))
    .onConflict(['user_id', 'dedupe_key'])
    .ignore()
    .returning(['id', 'user_id']);
  for (const n of inserted) await announce(trx, { kind: 'notification', userId: n.user_id, id: n.id, entityId });
  return inserted.length;
}
