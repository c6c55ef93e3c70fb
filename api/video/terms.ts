// D7: the agent sends terms and conditions, the customer accepts or refuses; both facts are
// on the ticket's timeline (which is where the answer is kept, with the exact text sent). Only
// the customer's token answers (routes.ts), and only terms sent in this room and not yet
// answered: the timeline is read before the answer is recorded (issue 13).
import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { Db } from '../../db/knex.js';
import { DomainError } from '../../domain/errors.js';
import { announceToRoom, recordInTimeline } from './call-events.js';
import type { Participant } from './participant.js';
import { eventsOf } from '../../db/tickets/events.js';

export async function sendTerms(db: Db, temporal: Client, p: Participant, text: string): Promise<{ termsId: string }> {
  const termsId = randomUUID();
  await recordInTimeline(temporal, p, 'terms_sent', { termsId, text }, `terms:${termsId}`);
  await announceToRoom(db, p, 'terms_sent', { termsId, text });
  return { termsId };
}

/** Whether these terms were sent on this ticket, and the answer already recorded if any. */
async function termsState(
  db: Db,
  ticketId: string,
  termsId: string,
): Promise<{ sent: boolean; answer: boolean | undefined }> {
  const rows: { type: string; details: Record<string, unknown> }[] = await eventsOf(db, ticketId)
    .whereIn('type', ['terms_sent', 'terms_answered'])
    .whereRaw(`details->>'termsId' = ?`, [termsId])
    .orderBy('seq')
    .select('type', 'details');
  const answered = rows.find((r) => r.type === 'terms_answered');
  return {
    sent: rows.some((r) => r.type === 'terms_sent'),
    answer: answered ? answered.details.accepted === true : undefined,
  };
}

/**
 * One answer per terms. Repeating the same answer is harmless (the same Update, by its
 * updateId); changing it is refused — also when two different answers race, since the second
 * is answered with the first's Update and the stored answer is read back.
 */
export async function answerTerms(
  db: Db,
  temporal: Client,
  p: Participant,
  termsId: string,
  accepted: boolean,
): Promise<void> {
  const before = await termsState(db, p.ticketId, termsId);
  if (!before.sent)
    throw new DomainError(
      'Validation',
      {},
      { message: 'No such terms were sent in this call.', fields: { termsId: { code: 'unknown_reference' } } },
    );
  if (before.answer === accepted) return;
  if (before.answer !== undefined) throw new DomainError('TermsAlreadyAnswered');
  await recordInTimeline(temporal, p, 'terms_answered', { termsId, accepted }, `terms-answer:${termsId}`);
  if ((await termsState(db, p.ticketId, termsId)).answer !== accepted) throw new DomainError('TermsAlreadyAnswered');
  await announceToRoom(db, p, 'terms_answered', { termsId, accepted });
}
