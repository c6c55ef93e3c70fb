// /api/monitor: the supervisor's live view of a branch (H4). Thin: validate, load, answer.
import { Router, type Request } from 'express';
import { z } from 'zod';
import { actorOf, requireUser } from '../auth/middleware.js';
import { listStuck } from '../../db/stuck/list.js';
import { openAlerts } from '../../db/alerts/list.js';
import { DomainError } from '../../domain/errors.js';
import { releaseShift, releaseTicket } from './release.js';
import { AgentStateBody, EndShiftBody, ReleaseBody } from './schemas.js';
import { endAgentShift, setAgentState } from './agents.js';
import type { ApiDeps } from '../deps.js';
import { parse } from '../http/validate.js';
import { loadWatchedBranch, requireBackOffice } from './access.js';
import { branchSnapshot } from './snapshot.js';
import { temporalUiFor, workflowLinkFor } from '../temporal-ui/links.js';
import type { BranchSnapshot, ReleaseResult } from '../../domain/contracts/monitor.js';
import type { ShiftRow } from '../../db/shifts/row.js';
import type { TicketRow } from '../../db/tickets/row.js';

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
    const [snapshot, stuck, alerts] = await Promise.all([
      branchSnapshot(deps.db, link, branch),
      listStuck(deps.db, { branchId: branch.id }),
      openAlerts(deps.db, branch.id),
    ]);
    const body: BranchSnapshot = {
      ...snapshot,
      stuck: stuck.map((s) => ({ ...s, temporalUrl: link(s.workflowId) })),
      alerts,
    };
    res.json(body);
  });
  // Issue 12 item 5: a supervisor releases stuck work of a branch they watch.
  r.post('/monitor/stuck/release', async (req, res) => {
    const body = parse(ReleaseBody, req.body);
    const user = res.locals.user;
    // Same entity, a branch this supervisor watches.
    const watched = async <R extends TicketRow | ShiftRow>(table: 'tickets' | 'shifts'): Promise<R> => {
      const row: R | undefined = z.uuid().safeParse(body.id).success
        ? await deps.db(table).where({ id: body.id }).first()
        : undefined;
      if (!row) throw new DomainError('NotFound', { resource: table });
      await loadWatchedBranch(deps.db, user, row.branch_id);
      return row;
    };
    let branchId: number;
    if (body.kind === 'ticket') {
      const t = await watched<TicketRow>('tickets');
      branchId = t.branch_id;
      await releaseTicket(deps, t, body.action, actorOf(user));
    } else {
      const s = await watched<ShiftRow>('shifts');
      branchId = s.branch_id;
      await releaseShift(deps, s, body.action, actorOf(user));
    }
    const answer: ReleaseResult = { released: true, stuck: await listStuck(deps.db, { branchId }) };
    res.json(answer);
  });
  // Issue 19: the monitor acts on an agent's open shift (state, end); the answer is the shift now.
  r.post('/monitor/shifts/:id/state', async (req: Request<{ id: string }>, res) => {
    const { state } = parse(AgentStateBody, req.body ?? {});
    res.json(await setAgentState(deps, res.locals.user, req.params.id, state));
  });
  r.post('/monitor/shifts/:id/end', async (req: Request<{ id: string }>, res) => {
    const { reason } = parse(EndShiftBody, req.body ?? {});
    res.json(await endAgentShift(deps, res.locals.user, req.params.id, reason));
  });
  return r;
}
