// D12 chat: stored in chat_messages, relayed to the room. Text messages are no steps of the
// ticket (a conversation, not a fact; files are, by files.ts): its page shows them beside the
// timeline (GET /tickets/:id/chat, issue 16).
import type { Db } from '../../db/knex.js';
import { announceToRoom } from './call-events.js';
import type { Participant } from './participant.js';

export type ChatFile = Readonly<{ id: string; name: string; mime: string; size: number }>;
export type ChatMessage = Readonly<{
  id: number;
  senderType: 'user' | 'customer';
  senderName: string;
  body: string | null;
  file: ChatFile | null;
  at: string;
}>;

export async function addChatMessage(
  db: Db,
  p: Participant,
  content: { body?: string; fileId?: string; file?: ChatFile },
): Promise<ChatMessage> {
  const senderType = p.userId === null ? 'customer' : 'user';
  const [row] = await db('chat_messages')
    .insert({
      room_id: p.claims.roomId,
      sender_type: senderType,
      sender_id: p.userId,
      body: content.body ?? null,
      file_id: content.fileId ?? null,
    })
    .returning(['id', 'created_at']);
  const message: ChatMessage = {
    id: Number(row.id),
    senderType,
    senderName: p.claims.displayName,
    body: content.body ?? null,
    file: content.file ?? null,
    at: new Date(row.created_at).toISOString(),
  };
  await announceToRoom(db, p, 'chat', { message });
  return message;
}

export async function listChat(db: Db, roomId: string): Promise<ChatMessage[]> {
  const rows = await db('chat_messages as m')
    .leftJoin('files as f', 'f.id', 'm.file_id')
    .leftJoin('users as u', 'u.id', 'm.sender_id')
    .where('m.room_id', roomId)
    .orderBy('m.id')
    .select(
      'm.id',
      'm.sender_type',
      'm.body',
      'm.created_at',
      'f.id as file_id',
      'f.name as file_name',
      'f.mime',
      'f.size',
      db.raw(`trim(coalesce(u.first_name, '') || ' ' || coalesce(u.last_name, '')) as user_name`),
    );
  return rows.map((r) => ({
    id: Number(r.id),
    senderType: r.sender_type,
    senderName: r.sender_type === 'user' ? r.user_name : 'Cliente',
    body: r.body,
    file: r.file_id ? { id: r.file_id, name: r.file_name, mime: r.mime, size: r.size } : null,
    at: new Date(r.created_at).toISOString(),
  }));
}

/** The conversation of a ticket's video call, oldest first; none when it had no call. */
export async function chatOfTicket(db: Db, ticketId: string): Promise<ChatMessage[]> {
  const room: { id: string } | undefined = await db('video_rooms').where({ ticket_id: ticketId }).first('id');
  return room ? listChat(db, room.id) : [];
}
