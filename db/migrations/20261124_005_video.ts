// Video (D10): the guest link is looked up by the hash of its token, so that column is indexed.
// The hash is '' until the API first issues the link (the room is opened inside a ticket step,
// which has no access to the signing secret).
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(
    `create index video_rooms_guest_token_idx on video_rooms (guest_token_hash) where guest_token_hash <> ''`,
  );
  await knex.raw('create index chat_messages_room_idx on chat_messages (room_id, id)');
  await knex.raw('create index tags_room_idx on tags (room_id, offset_ms)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop index if exists tags_room_idx');
  await knex.raw('drop index if exists chat_messages_room_idx');
  await knex.raw('drop index if exists video_rooms_guest_token_idx');
}
