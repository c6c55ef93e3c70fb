// /api/surveys (issue 20): the customers' satisfaction answers — the list (react-admin) and the
// summary per agent, service or topic. Read like the reports: supervisors within their reach and
// admins of the entity (api/monitor/access.ts); agents never. Written only by the public survey
// page (api/public/survey.ts).
import { Router } from 'express';
import { listSurveys, SURVEY_SORTS, surveySummary, type SurveyScope } from '../../db/surveys/reads.js';
import type { SurveySummary } from '../../domain/contracts/surveys.js';
import { requireUser } from '../auth/middleware.js';
import type { SessionUser } from '../auth/sessions.js';
import type { ApiDeps } from '../deps.js';
import { branchesOf } from '../http/reach.js';
import { cannotSortBy, ListQuery } from '../http/ra.js';
import { parse } from '../http/validate.js';
import { loadWatchedBranch, requireBackOffice } from '../monitor/access.js';
import { SurveyFilter, SurveySummaryQuery } from './schemas.js';
import type { Db } from '../../db/knex.js';

/** The branches the user reaches, narrowed to the asked one (refused when out of reach). */
async function reach(db: Db, u: SessionUser, branchId: number | undefined): Promise<number[]> {
  if (branchId) return [(await loadWatchedBranch(db, u, branchId)).id];
  return ((await branchesOf(db, u).orderBy('id')) as { id: number }[]).map((b) => b.id);
}

const isSort = (f: string): f is keyof typeof SURVEY_SORTS => Object.hasOwn(SURVEY_SORTS, f);

export function surveyRoutes(deps: ApiDeps): Router {
  const r = Router();
  r.use('/surveys', requireUser(deps.db));

  r.get('/surveys', async (req, res) => {
    const u = res.locals.user;
    requireBackOffice(u);
    const query = parse(ListQuery, req.query);
    const f = parse(SurveyFilter, query.filter ?? {});
    const [sort, dir] = query.sort ?? ['answeredAt', 'DESC'];
    if (!isSort(sort)) throw cannotSortBy(sort);
    const [start, end] = query.range ?? [0, 24];
    const scope: SurveyScope = {
      ...f,
      branchIds: await reach(deps.db, u, f.branchId),
      score: f.score === undefined ? undefined : [f.score].flat(),
    };
    const { total, rows } = await listSurveys(deps.db, scope, {
      start,
      end,
      sort,
      dir: dir.toLowerCase() as 'asc' | 'desc',
    });
    const last = rows.length ? start + rows.length - 1 : start;
    res.setHeader('Content-Range', `surveys ${start}-${last}/${total}`);
    res.setHeader('Access-Control-Expose-Headers', 'Content-Range');
    res.json(rows);
  });

  r.get('/surveys/summary', async (req, res) => {
    const u = res.locals.user;
    requireBackOffice(u);
    const q = parse(SurveySummaryQuery, req.query);
    const scope: SurveyScope = { ...q, branchIds: await reach(deps.db, u, q.branchId) };
    const summary: SurveySummary = {
      from: q.from,
      to: q.to,
      groupBy: q.groupBy,
      rows: await surveySummary(deps.db, scope, q.groupBy),
    };
    res.json(summary);
  });
  return r;
}
