// D7: the agent sends terms and conditions, the customer accepts or refuses; both facts are
// on the ticket's timeline (which is where the answer is kept, with the exact text sent).
import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { Db } from '../../db/knex.js';
import { announceToRoom, recordInTimeline } from './call-events.js';
import type { Participant } from './participant.js';

export async function sendTerms(db: Db, temporal: Client, p: Participant, text: string): Promise<{ termsId: string }> {
  const termsId = randomUUID();
  await recordInTimeline(temporal, p, 'terms_sent', { termsId, text }, `terms:${termsId}`);
  await announceToRoom(db, p, 'terms_sent', { termsId, text });
  return { termsId };
}

/** One answer per terms: a repeat with the same termsId is the same Update (its updateId). */
export async function answerTerms(db: Db, temporal: Client, p: Participant, termsId: string, accepted: boolean): Promise<void> {
  await recordInTimeline(temporal, p, 'terms_answered', { termsId, accepted }, `terms-answer:${termsId}`);
  await announceToRoom(db, p, 'terms_answered', { termsId, accepted });
}
