// /api/reports (H3): JSON for the charts and the same rows as CSV, scoped to the user's reach.
import { Router } from 'express';
import { requireUser } from '../auth/middleware.js';
import type { ApiDeps } from '../deps.js';
import { parse } from '../http/validate.js';
import { loadWatchedBranch, requireBackOffice } from '../monitor/access.js';
import { reportCsv } from './csv.js';
import { hourReport, summaryReport, topicReport } from './queries.js';
import type { HourReport, Report, TopicReport } from '../../domain/contracts/resources.js';
import { HourQuery, ReportCsvQuery, ReportQuery, TopicQuery } from './schemas.js';
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

  r.get('/reports/summary.csv', async (req, res) => {
    requireBackOffice(res.locals.user);
    const { q, rows } = await run(res.locals.user, parse(ReportCsvQuery, req.query));
    // The back office names its language; else the browser's, Spanish first.
    const lang = q.lang ?? ((req.acceptsLanguages(...REPORT_LANGS) || 'es') as ReportLang);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="ventanilla-${q.groupBy}-${q.from}-${q.to}.csv"`);
    res.setHeader('Cache-Control', 'no-store');
    res.send(reportCsv(rows, q.groupBy, lang));
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
