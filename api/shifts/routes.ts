// /api/shifts: thin transport — validate, call one action, answer.
import { Router } from 'express';
import type { ApiDeps } from '../deps.js';
import { requireUser } from '../auth/middleware.js';
import { parse } from '../http/validate.js';
import * as actions from './actions.js';
import { shiftFigures } from './figures.js';
import { listShifts, loadShiftFor } from './list.js';
import * as S from './schemas.js';
import { serviceRefsOf, shiftView, toShiftView } from '../../db/shifts/row.js';
import { waitingFor } from './waiting.js';
import { DomainError } from '../../domain/errors.js';
import { shiftEvents } from '../../db/shifts/events.js';

export function shiftRoutes(deps: ApiDeps): Router {
  const r = Router();
  r.use('/shifts', requireUser(deps.db));

  r.post('/shifts', async (req, res) => {
    const { view, created } = await actions.openShift(deps, res.locals.user, parse(S.OpenShiftBody, req.body));
    res.status(created ? 201 : 200).json(view);
  });

  r.get('/shifts/current', async (_req, res) => {
    const row = await actions.requireOpenShift(deps.db, res.locals.user);
    res.json(await shiftView(deps.db, row.id));
  });
  r.post('/shifts/current/state', async (req, res) => {
    res.json(await actions.setState(deps, res.locals.user, parse(S.StateBody, req.body)));
  });
  r.post('/shifts/current/next-state', async (req, res) => {
    res.json(await actions.setNextState(deps, res.locals.user, parse(S.NextStateBody, req.body)));
  });
  r.post('/shifts/current/manual', async (req, res) => {
    res.json(await actions.setManualMode(deps, res.locals.user, parse(S.ManualBody, req.body)));
  });
  r.post('/shifts/current/call-next', async (req, res) => {
    parse(S.EmptyBody, req.body ?? {});
    res.json(await actions.callNext(deps, res.locals.user));
  });
  r.post('/shifts/current/end', async (req, res) => {
    parse(S.EmptyBody, req.body ?? {});
    const view = await actions.endShift(deps, res.locals.user);
    if (!view) throw new DomainError('NotAtDesk');
    res.json(view);
  });
  r.get('/shifts/current/waiting', async (_req, res) => {
    const row = await actions.requireOpenShift(deps.db, res.locals.user);
    const shift: { user_id: number; branch_id: number } = await deps
      .db('shifts')
      .where({ id: row.id })
      .first('user_id', 'branch_id');
    res.json(await waitingFor(deps.db, shift));
  });
  r.get('/shifts/current/figures', async (_req, res) => {
    const row = await actions.requireOpenShift(deps.db, res.locals.user);
    res.json(await shiftFigures(deps.db, row.id));
  });

  r.get('/shifts', (req, res) => listShifts(deps.db, res.locals.user, req, res));
  r.get('/shifts/:id', async (req, res) => {
    const row = await loadShiftFor(deps.db, res.locals.user, req.params.id);
    res.json(toShiftView(row, await serviceRefsOf(deps.db, row.user_id)));
  });
  // Issue 19: the shift's timeline, to whoever may see the shift.
  r.get('/shifts/:id/events', async (req, res) => {
    const row = await loadShiftFor(deps.db, res.locals.user, req.params.id);
    res.json(await shiftEvents(deps.db, row.id));
  });
  r.get('/shifts/:id/figures', async (req, res) => {
    await loadShiftFor(deps.db, res.locals.user, req.params.id);
    res.json(await shiftFigures(deps.db, req.params.id));
  });
  return r;
}
