// D11: a tag is pinned to the moment of the call it was written at, as ms since the room opened.
import type { Client } from '@temporalio/client';
import type { Db } from '../../db/knex.js';
import { announceToRoom, recordInTimeline } from './call-events.js';
import type { Participant } from './participant.js';

export type Tag = Readonly<{ id: number; offsetMs: number; body: string; at: string }>;

export async function addTag(db: Db, temporal: Client, p: Participant, body: string, now = new Date()): Promise<Tag> {
  const room = await db('video_rooms').where({ id: p.claims.roomId }).first('opened_at');
  // The column is strictly positive: a tag written in the room's first millisecond is at 1 ms.
  const offsetMs = Math.max(1, now.getTime() - new Date(room.opened_at).getTime());
  const [row] = await db('tags')
    .insert({ room_id: p.claims.roomId, author_id: p.userId, offset_ms: offsetMs, body })
    .returning(['id', 'created_at']);
  const tag: Tag = { id: Number(row.id), offsetMs, body, at: new Date(row.created_at).toISOString() };
  await recordInTimeline(temporal, p, 'tag', { tagId: tag.id, offsetMs, text: body }, `tag:${tag.id}`);
  await announceToRoom(db, p, 'tag', { tag });
  return tag;
}

export async function listTags(db: Db, roomId: string): Promise<Tag[]> {
  const rows = await db('tags').where({ room_id: roomId }).orderBy('offset_ms');
  return rows.map((r) => ({
    id: Number(r.id),
    offsetMs: r.offset_ms,
    body: r.body,
    at: new Date(r.created_at).toISOString(),
  }));
}
