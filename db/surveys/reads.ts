// Issue 20: satisfaction answers for the back office — the list and the summary per agent, service
// or topic (average score, answers, share of low scores). The caller passes the branches already
// within the user's reach (api/surveys).
import type { Knex } from 'knex';
import type { Survey, SurveySummaryRow } from '../../domain/contracts/surveys.js';
import { LOW_SCORE, type SurveyGroupBy } from '../../domain/surveys.js';
import { iso } from '../dates.js';
import type { Db } from '../knex.js';

export interface SurveyScope {
  branchIds: number[];
  from?: string;
  to?: string;
  serviceId?: number;
  agentId?: number;
  score?: number[];
}

const scoped = (db: Db, s: SurveyScope): Knex.QueryBuilder => {
  const q = db('surveys as sv').whereIn('sv.branch_id', s.branchIds);
  if (s.from) q.where('sv.service_day', '>=', s.from);
  if (s.to) q.where('sv.service_day', '<=', s.to);
  if (s.serviceId) q.where('sv.service_id', s.serviceId);
  if (s.agentId) q.where('sv.agent_id', s.agentId);
  if (s.score?.length) q.whereIn('sv.score', s.score);
  return q;
};

interface ListRow {
  ticket_id: string;
  number: string;
  branch_id: number;
  service_id: number;
  service_name: string;
  agent_id: number | null;
  agent_name: string | null;
  topics: string[];
  score: number;
  comment: string | null;
  service_day: string;
  answered_at: Date;
}

export const SURVEY_SORTS = { answeredAt: 'sv.updated_at', score: 'sv.score', serviceDay: 'sv.service_day' } as const;

/** A page of answers and how many there are in the scope. */
export async function listSurveys(
  db: Db,
  s: SurveyScope,
  page: { start: number; end: number; sort: keyof typeof SURVEY_SORTS; dir: 'asc' | 'desc' },
): Promise<{ total: number; rows: Survey[] }> {
  const counted = (await scoped(db, s).count({ count: '*' })) as { count: string }[];
  const rows: ListRow[] = await scoped(db, s)
    .join('tickets as t', 't.id', 'sv.ticket_id')
    .join('services as se', 'se.id', 'sv.service_id')
    .leftJoin('users as u', 'u.id', 'sv.agent_id')
    .orderBy(SURVEY_SORTS[page.sort], page.dir)
    .orderBy('sv.ticket_id')
    .offset(page.start)
    .limit(page.end - page.start + 1)
    .select(
      'sv.ticket_id',
      't.number',
      'sv.branch_id',
      'sv.service_id',
      'se.name as service_name',
      'sv.agent_id',
      db.raw(`nullif(trim(u.first_name || ' ' || u.last_name), '') as agent_name`),
      db.raw(
        `array(select tp.name from ticket_topics tt join topics tp on tp.id = tt.topic_id
                where tt.ticket_id = sv.ticket_id order by tp.name) as topics`,
      ),
      'sv.score',
      'sv.comment',
      db.raw(`to_char(sv.service_day, 'YYYY-MM-DD') as service_day`),
      'sv.updated_at as answered_at',
    );
  return {
    total: Number(counted[0]?.count ?? 0),
    rows: rows.map((r) => ({
      id: r.ticket_id,
      number: r.number,
      branchId: r.branch_id,
      serviceId: r.service_id,
      serviceName: r.service_name,
      agentId: r.agent_id,
      agentName: r.agent_name,
      topics: r.topics,
      score: r.score,
      comment: r.comment,
      serviceDay: r.service_day,
      answeredAt: iso(r.answered_at)!,
    })),
  };
}

const GROUPS: Record<SurveyGroupBy, { join?: (q: Knex.QueryBuilder) => void; key: string; label: string }> = {
  agent: {
    key: 'sv.agent_id',
    label: `coalesce(nullif(trim(min(u.first_name) || ' ' || min(u.last_name)), ''), '—')`,
    join: (q) => void q.leftJoin('users as u', 'u.id', 'sv.agent_id'),
  },
  service: {
    key: 'sv.service_id',
    label: `min(se.label) || ' · ' || min(se.name)`,
    join: (q) => void q.join('services as se', 'se.id', 'sv.service_id'),
  },
  // An answer counts once in each of its ticket's topics; one without topics is in none.
  topic: {
    key: 'tt.topic_id',
    label: 'min(tp.name)',
    join: (q) =>
      void q.join('ticket_topics as tt', 'tt.ticket_id', 'sv.ticket_id').join('topics as tp', 'tp.id', 'tt.topic_id'),
  },
};

/** Average score (one decimal), answers and percent of low scores, per group, most answers first. */
export async function surveySummary(db: Db, s: SurveyScope, groupBy: SurveyGroupBy): Promise<SurveySummaryRow[]> {
  const g = GROUPS[groupBy];
  const q = scoped(db, s);
  g.join?.(q);
  const rows: { key: number | null; label: string; answers: string; avg: string; low: string }[] = await q
    .groupBy(g.key)
    .orderByRaw('count(*) desc, 1')
    .select(
      db.raw(`${g.key} as key`),
      db.raw(`${g.label} as label`),
      db.raw('count(*) as answers'),
      db.raw('avg(sv.score) as avg'),
      db.raw('count(*) filter (where sv.score <= ?) as low', [LOW_SCORE]),
    );
  return rows.map((r) => {
    const answers = Number(r.answers);
    return {
      key: r.key === null ? 'none' : String(r.key),
      label: r.label,
      answers,
      avgScore: answers ? Math.round(Number(r.avg) * 10) / 10 : null,
      lowPct: answers ? Math.round((1000 * Number(r.low)) / answers) / 10 : null,
    };
  });
}
