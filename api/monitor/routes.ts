// /api/monitor: the supervisor's live view of a branch (H4). Thin: validate, load, answer.
import { Router } from 'express';
import { z } from 'zod';
import { requireUser } from '../auth/middleware.js';
import type { ApiDeps } from '../deps.js';
import { parse } from '../http/validate.js';
import { loadWatchedBranch, requireBackOffice } from './access.js';
import { branchSnapshot } from './snapshot.js';

const Params = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });

export function monitorRoutes(deps: ApiDeps): Router {
  const r = Router();
  r.use('/monitor', requireUser(deps.db));
  // G7: where the workflows of this deployment are, for links the client builds (e.g. shifts).
  r.get('/monitor/temporal', (_req, res) => {
    requireBackOffice(res.locals.user);
    const { temporalUiUrl, TEMPORAL_NAMESPACE } = deps.config;
    res.json({ uiUrl: temporalUiUrl, namespace: TEMPORAL_NAMESPACE, workflowsUrl: `${temporalUiUrl}/namespaces/${encodeURIComponent(TEMPORAL_NAMESPACE)}` });
  });
  r.get('/monitor/branches/:id', async (req, res) => {
    const { id } = parse(Params, req.params);
    const branch = await loadWatchedBranch(deps.db, res.locals.user, id);
    res.setHeader('Cache-Control', 'no-store');
    res.json(await branchSnapshot(deps.db, deps.config, branch));
  });
  return r;
}
