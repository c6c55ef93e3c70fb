// /api/reports (H3): JSON for the charts and the same rows as CSV, scoped to the user's reach.
import { Router, type Request, type Response } from 'express';
import type { z } from 'zod';
import { requireUser } from '../auth/middleware.js';
import type { ApiDeps } from '../deps.js';
import { parse } from '../http/validate.js';
import { loadWatchedBranch, requireBackOffice } from '../monitor/access.js';
import { hourCsv, reportCsv, topicCsv, trendCsv } from './csv.js';
import { hourReport, summaryReport, topicReport, trendReport } from './queries.js';
import type { HourReport, Report, TopicReport, TrendReport } from '../../domain/contracts/resources.js';
import {
  HourCsvQuery,
  HourQuery,
  ReportCsvQuery,
  ReportQuery,
  TopicCsvQuery,
  TopicQuery,
  TrendCsvQuery,
  TrendQuery,
} from './schemas.js';
import { REPORT_LANGS, type ReportLang } from '../../domain/report-columns.js';

export function reportRoutes(deps: ApiDeps): Router {
  const r = Router();
  r.use('/reports', requireUser(deps.db));
  // Callers check the role first: an agent learns nothing from a query's validation.
  const run = async <Q extends ReportQuery>(user: Parameters<typeof summaryReport>[1], q: Q) => {
    if (q.branchId) await loadWatchedBranch(deps.db, user, q.branchId);
    return { q, rows: await summaryReport(deps.db, user, q) };
  };

  r.get('/reports/summary', async (req, res) => {
    requireBackOffice(res.locals.user);
    const { q, rows } = await run(res.locals.user, parse(ReportQuery, req.query));
    const report: Report = { from: q.from, to: q.to, groupBy: q.groupBy, rows };
    res.json(report);
  });

  // The back office names its language; else the browser's, Spanish first.
  const langOf = (req: Request, q: { lang?: ReportLang }) =>
    q.lang ?? ((req.acceptsLanguages(...REPORT_LANGS) || 'es') as ReportLang);
  const sendCsv = (res: Response, name: string, body: string) => {
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="ventanilla-${name}.csv"`);
    res.setHeader('Cache-Control', 'no-store');
    res.send(body);
  };
  /** A narrowed read's query, after the role and the asked branch are checked. */
  const scoped = async <S extends z.ZodType<{ branchId?: number }>>(req: Request, res: Response, schema: S) => {
    requireBackOffice(res.locals.user);
    const q: z.infer<S> = parse(schema, req.query);
    if (q.branchId) await loadWatchedBranch(deps.db, res.locals.user, q.branchId);
    return q;
  };

  r.get('/reports/summary.csv', async (req, res) => {
    requireBackOffice(res.locals.user);
    const { q, rows } = await run(res.locals.user, parse(ReportCsvQuery, req.query));
    sendCsv(res, `${q.groupBy}-${q.from}-${q.to}`, reportCsv(rows, q.groupBy, langOf(req, q)));
  });

  // Issue 19: trends per service day or ISO week, and the topic, hour and trend exports.
  r.get('/reports/trends', async (req, res) => {
    const q = await scoped(req, res, TrendQuery);
    const report: TrendReport = {
      from: q.from,
      to: q.to,
      grain: q.grain,
      periods: await trendReport(deps.db, res.locals.user, q),
    };
    res.json(report);
  });
  r.get('/reports/trends.csv', async (req, res) => {
    const q = await scoped(req, res, TrendCsvQuery);
    const periods = await trendReport(deps.db, res.locals.user, q);
    sendCsv(res, `${q.grain}-${q.from}-${q.to}`, trendCsv(periods, q.grain, langOf(req, q)));
  });
  r.get('/reports/topics.csv', async (req, res) => {
    const q = await scoped(req, res, TopicCsvQuery);
    sendCsv(res, `topics-${q.from}-${q.to}`, topicCsv(await topicReport(deps.db, res.locals.user, q), langOf(req, q)));
  });
  r.get('/reports/hours.csv', async (req, res) => {
    const q = await scoped(req, res, HourCsvQuery);
    sendCsv(res, `hours-${q.from}-${q.to}`, hourCsv(await hourReport(deps.db, res.locals.user, q), langOf(req, q)));
  });

  // Issue 19: by topic, and by hour of day (the heat map).
  r.get('/reports/topics', async (req, res) => {
    requireBackOffice(res.locals.user);
    const q = parse(TopicQuery, req.query);
    if (q.branchId) await loadWatchedBranch(deps.db, res.locals.user, q.branchId);
    const report: TopicReport = { from: q.from, to: q.to, rows: await topicReport(deps.db, res.locals.user, q) };
    res.json(report);
  });

  r.get('/reports/hours', async (req, res) => {
    requireBackOffice(res.locals.user);
    const q = parse(HourQuery, req.query);
    if (q.branchId) await loadWatchedBranch(deps.db, res.locals.user, q.branchId);
    const report: HourReport = { from: q.from, to: q.to, cells: await hourReport(deps.db, res.locals.user, q) };
    res.json(report);
  });
  return r;
}
