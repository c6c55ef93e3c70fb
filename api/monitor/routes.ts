// /api/monitor: the supervisor's live view of a branch (H4). Thin: validate, load, answer.
import { Router } from 'express';
import { z } from 'zod';
import { actorOf, requireUser } from '../auth/middleware.js';
import { listStuck } from '../../db/stuck/list.js';
import { DomainError } from '../../domain/errors.js';
import { releaseShift, releaseTicket } from './release.js';
import { ReleaseBody } from './schemas.js';
import type { ApiDeps } from '../deps.js';
import { parse } from '../http/validate.js';
import { loadWatchedBranch, requireBackOffice } from './access.js';
import { branchSnapshot } from './snapshot.js';
import { temporalUiFor, workflowLinkFor } from '../temporal-ui/links.js';

const Params = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });

export function monitorRoutes(deps: ApiDeps): Router {
  const r = Router();
  r.use('/monitor', requireUser(deps.db));
  // G7: where the workflows of this deployment are, for links the client builds (e.g. shifts);
  // operators only, as every link into the Web UI.
  r.get('/monitor/temporal', (_req, res) => {
    requireBackOffice(res.locals.user);
    res.json(temporalUiFor(deps.config, res.locals.user));
  });
  r.get('/monitor/branches/:id', async (req, res) => {
    const { id } = parse(Params, req.params);
    const branch = await loadWatchedBranch(deps.db, res.locals.user, id);
    res.setHeader('Cache-Control', 'no-store');
    const link = workflowLinkFor(deps.config, res.locals.user);
    const [snapshot, stuck] = await Promise.all([branchSnapshot(deps.db, link, branch), listStuck(deps.db, { branchId: branch.id })]);
    res.json({ ...snapshot, stuck: stuck.map((s) => ({ ...s, temporalUrl: link(s.workflowId) })) });
  });
  // Issue 12 item 5: a supervisor releases stuck work of a branch they watch.
  r.post('/monitor/stuck/release', async (req, res) => {
    const body = parse(ReleaseBody, req.body);
    const user = res.locals.user;
    const table = body.kind === 'ticket' ? 'tickets' : 'shifts';
    const row = z.uuid().safeParse(body.id).success ? await deps.db(table).where({ id: body.id }).first() : undefined;
    const branchId = row?.branch_id as number | undefined;
    if (!row || branchId === undefined) throw new DomainError('NotFound', { resource: table });
    await loadWatchedBranch(deps.db, user, branchId); // same entity, a branch this supervisor watches
    if (body.kind === 'ticket') await releaseTicket(deps, row, body.action, actorOf(user));
    else await releaseShift(deps, row, body.action, actorOf(user));
    res.json({ released: true, stuck: await listStuck(deps.db, { branchId }) });
  });
  return r;
}
