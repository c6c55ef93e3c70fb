// video_joined / video_left on the ticket's timeline. The client reports them around its SFU
// session (the SFU process has no Temporal client); the updateId makes a repeat harmless.
import type { Client } from '@temporalio/client';
import type { Db } from '../../db/knex.js';
import { announceToRoom, recordInTimeline } from './call-events.js';
import type { Participant } from './participant.js';

export async function reportPresence(
  db: Db,
  temporal: Client,
  p: Participant,
  event: 'joined' | 'left',
  sessionId: string,
): Promise<void> {
  const type = event === 'joined' ? 'video_joined' : 'video_left';
  await recordInTimeline(
    temporal,
    p,
    type,
    { role: p.claims.role, name: p.claims.displayName },
    `${type}:${p.claims.peerId}:${sessionId}`,
  );
  await announceToRoom(db, p, type, { role: p.claims.role, name: p.claims.displayName });
}
