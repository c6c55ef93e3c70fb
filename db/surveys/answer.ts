// Issue 20: the satisfaction answer of a finished ticket, as its status-page token opens it. One
// row per ticket: answering again while the survey is open changes the answer (the page sends the
// score on the first tap and the comment after it). Each answer is offered to the entity's webhooks
// (survey.answered), written on the ticket's timeline when it changes (survey_answered: the
// customer, the score and whether she commented — not the text), and a low one raises a low_score
// alert (low-score.ts), all in the same transaction as the answer.
import type { Knex } from 'knex';
import type { PublicSurvey } from '../../domain/contracts/public.js';
import { DomainError } from '../../domain/errors.js';
import { SURVEY_DAYS, surveyState } from '../../domain/surveys.js';

/** The answer as the API validated it (api/public/schemas.ts SurveyBody). */
export interface SurveyAnswer {
  score: number;
  comment?: string | null;
}
import type { Db } from '../knex.js';
import { MACHINE_ACTORS, type Actor } from '../../domain/tickets.js';
import { applyStep } from '../tickets/steps.js';
import { raiseLowScore } from './low-score.js';

/** The customer, from the link of her status page (as her "leave" and "on my way" are). */
const CUSTOMER: Actor = { type: 'customer', name: MACHINE_ACTORS.statusPage };

interface TicketRow {
  id: string;
  number: string;
  status: string;
  ended_at: Date | null;
  entity_id: number;
  branch_id: number;
  service_id: number;
  agent_id: number | null;
  customer_id: number | null;
  service_day: string;
  branch_name: string;
  service_label: string;
  service_name: string;
  last_event_seq: number;
  score: number | null;
  comment: string | null;
}

const ticketOf = (db: Db | Knex.Transaction, ticketId: string) =>
  db('tickets as t')
    .join('branches as b', 'b.id', 't.branch_id')
    .join('services as s', 's.id', 't.service_id')
    .leftJoin('surveys as sv', 'sv.ticket_id', 't.id')
    .where('t.id', ticketId)
    .first(
      't.id',
      't.number',
      't.status',
      't.ended_at',
      't.entity_id',
      't.branch_id',
      't.service_id',
      't.agent_id',
      't.customer_id',
      't.last_event_seq',
      db.raw(`to_char(t.service_day, 'YYYY-MM-DD') as service_day`),
      'b.name as branch_name',
      's.label as service_label',
      's.name as service_name',
      'sv.score',
      'sv.comment',
    ) as Promise<TicketRow | undefined>;

const view = (t: TicketRow, now: Date): PublicSurvey => ({
  number: t.number,
  serviceName: t.service_name,
  branchName: t.branch_name,
  state: surveyState(t.status, t.ended_at, now),
  answer: t.score === null ? null : { score: t.score, comment: t.comment },
});

/** The survey page's data: which ticket, whether it can be answered, what was answered. */
export async function surveyOf(db: Db, ticketId: string, now = new Date()): Promise<PublicSurvey> {
  const t = await ticketOf(db, ticketId);
  if (!t) throw new DomainError('NotFound', { resource: 'tickets' });
  return view(t, now);
}

/** Stores (or changes) the answer; refused unless the ticket is finished and within SURVEY_DAYS. */
export async function answerSurvey(
  db: Db,
  ticketId: string,
  body: SurveyAnswer,
  now = new Date(),
): Promise<PublicSurvey> {
  return db.transaction(async (trx) => {
    // The ticket's row first: its timeline's next step is numbered from it (two answers at once wait in turn).
    await trx('tickets').where({ id: ticketId }).forNoKeyUpdate().first('id');
    const t = await ticketOf(trx, ticketId);
    if (!t) throw new DomainError('NotFound', { resource: 'tickets' });
    const state = surveyState(t.status, t.ended_at, now);
    if (state === 'notFinished') throw new DomainError('SurveyNotOpen');
    if (state === 'closed') throw new DomainError('SurveyClosed', { days: SURVEY_DAYS });
    const comment = body.comment || null;
    const [saved]: { score: number; comment: string | null; version: string }[] = await trx('surveys')
      .insert({
        ticket_id: t.id,
        entity_id: t.entity_id,
        branch_id: t.branch_id,
        service_id: t.service_id,
        agent_id: t.agent_id,
        customer_id: t.customer_id,
        service_day: t.service_day,
        score: body.score,
        comment,
        answered_at: now,
        updated_at: now,
      })
      .onConflict('ticket_id')
      .merge({ score: body.score, comment, updated_at: now })
      .returning(['score', 'comment', trx.raw(`(extract(epoch from updated_at) * 1000)::bigint as version`)]);
    await offerToWebhooks(trx, t, saved!.score, saved!.comment, saved!.version, now);
    if (saved!.score !== t.score || saved!.comment !== t.comment) await stepOnTimeline(trx, t, saved!, now);
    await raiseLowScore(trx, {
      ticketId: t.id,
      number: t.number,
      entityId: t.entity_id,
      branchId: t.branch_id,
      serviceId: t.service_id,
      serviceLabel: t.service_label,
      serviceName: t.service_name,
      agentId: t.agent_id,
      score: saved!.score,
      comment: saved!.comment,
    });
    return { ...view(t, now), answer: { score: saved!.score, comment: saved!.comment } };
  });
}

/** The survey_answered step, after the ticket's last (its workflow has ended: the ticket is finished). */
async function stepOnTimeline(
  trx: Knex.Transaction,
  t: TicketRow,
  saved: { score: number; comment: string | null },
  now: Date,
): Promise<void> {
  await applyStep(trx, {
    ticketId: t.id,
    seq: t.last_event_seq + 1,
    type: 'survey_answered',
    from: 'finished',
    to: 'finished',
    actor: CUSTOMER,
    at: now.toISOString(),
    details: { score: saved.score, comment: saved.comment !== null },
    patch: {},
  });
}

/** survey.answered for every active webhook of the entity that listens to it (none listed = all). */
async function offerToWebhooks(
  trx: Knex.Transaction,
  t: TicketRow,
  score: number,
  comment: string | null,
  version: string,
  now: Date,
): Promise<void> {
  const key = `survey:${t.id}:${version}`;
  await trx.raw(
    `insert into webhook_deliveries (webhook_id, event_key, event, payload, next_attempt_at)
     select w.id, ?, 'survey.answered', ?::jsonb, now() from webhooks w
     where w.entity_id = ? and w.active and (cardinality(w.events) = 0 or 'survey.answered' = any(w.events))
     on conflict (webhook_id, event_key) do nothing`,
    [
      key,
      JSON.stringify({
        event: 'survey.answered',
        key,
        occurredAt: now.toISOString(),
        entityId: t.entity_id,
        ticket: { id: t.id, number: t.number, branchId: t.branch_id, serviceId: t.service_id },
        agentId: t.agent_id,
        score,
        comment,
      }),
      t.entity_id,
    ],
  );
}
