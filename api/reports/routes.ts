// /api/reports (H3): JSON for the charts and the same rows as CSV, scoped to the user's reach.
import { Router } from 'express';
import { requireUser } from '../auth/middleware.js';
import type { ApiDeps } from '../deps.js';
import { parse } from '../http/validate.js';
import { loadWatchedBranch, requireBackOffice } from '../monitor/access.js';
import { toCsv } from './csv.js';
import { summaryReport } from './queries.js';
import type { Report, ReportRow } from '../../domain/contracts/resources.js';
import { ReportQuery } from './schemas.js';

const CSV_COLUMNS: (keyof ReportRow)[] = [
  'key',
  'label',
  'tickets',
  'served',
  'avgWaitSeconds',
  'avgWalkSeconds',
  'avgServiceSeconds',
  'called',
  'withinSla',
  'slaPercent',
  'leftBeforeCalled',
  'noShow',
  'cancelled',
  'abandonmentPercent',
  'idleSeconds',
  'breakSeconds',
  'wrapUpSeconds',
];

export function reportRoutes(deps: ApiDeps): Router {
  const r = Router();
  r.use('/reports', requireUser(deps.db));
  const run = async (user: Parameters<typeof summaryReport>[1], raw: unknown) => {
    requireBackOffice(user);
    const q = parse(ReportQuery, raw);
    if (q.branchId) await loadWatchedBranch(deps.db, user, q.branchId);
    return { q, rows: await summaryReport(deps.db, user, q) };
  };

  r.get('/reports/summary', async (req, res) => {
    const { q, rows } = await run(res.locals.user, req.query);
    const report: Report = { from: q.from, to: q.to, groupBy: q.groupBy, rows };
    res.json(report);
  });

  r.get('/reports/summary.csv', async (req, res) => {
    const { q, rows } = await run(res.locals.user, req.query);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="ventanilla-${q.groupBy}-${q.from}-${q.to}.csv"`);
    res.setHeader('Cache-Control', 'no-store');
    res.send(toCsv(CSV_COLUMNS, rows));
  });
  return r;
}
