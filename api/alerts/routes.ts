// /api/alerts (issue 19): raised and cleared alerts, newest first, for back-office staff within
// their reach (a supervisor: their branch). Written by the evaluator (activities/alerts) and, for
// event alerts (a low score, issue 20), by the event; a supervisor acknowledges those here.
import { Router, type Request, type Response } from 'express';
import type { ApiDeps } from '../deps.js';
import { crudRoutes, type CrudResource } from '../http/crud.js';
import { inReach, refuseWrite } from '../http/reach.js';
import { requireUser } from '../auth/middleware.js';
import type { SessionUser } from '../auth/sessions.js';
import { Alert } from '../../db/models/alert.js';
import { acknowledgeAlert } from '../../db/alerts/record.js';
import { isEventAlert } from '../../domain/alerts.js';
import { DomainError } from '../../domain/errors.js';
import { AlertFilter } from './schemas.js';

const refuseRead = (u: SessionUser) => (u.role === 'agent' ? new DomainError('BackOfficeStaffOnly') : undefined);

export const alerts: CrudResource<Alert> = {
  name: 'alerts',
  model: Alert,
  fields: {
    id: 'alerts.id',
    kind: 'alerts.kind',
    branchId: 'alerts.branch_id',
    serviceId: 'alerts.service_id',
    raisedAt: 'alerts.raised_at',
    clearedAt: 'alerts.cleared_at',
  },
  defaultSort: ['raisedAt', 'desc'],
  filter: AlertFilter,
  customFilters: {
    open: (q, v) => void (v ? q.whereNull('alerts.cleared_at') : q.whereNotNull('alerts.cleared_at')),
  },
  scope: (q, u) => void q.where('alerts.entity_id', u.entityId).whereRaw(...inReach('alerts.branch_id', u)),
  refuseRead,
  refuse: (u, op) => refuseWrite(u, 'alerts', op),
  toRow: async (_db, _u, body) => body,
};

export function alertRoutes(deps: ApiDeps): Router {
  const { db } = deps;
  const r = Router();
  // Issue 20: an event alert stays open until a supervisor of its branch (or an admin) says they
  // have seen it; it clears with them as its actor. Again: the alert as it stands.
  r.post('/alerts/:id/acknowledge', requireUser(db), async (req: Request<{ id: string }>, res: Response) => {
    const u = res.locals.user;
    const refused = refuseRead(u);
    if (refused) throw refused;
    const id = /^\d{1,10}$/.test(req.params.id) ? Number(req.params.id) : NaN;
    const q = Alert.query(db).where('alerts.id', id);
    alerts.scope(q, u, db);
    const row = Number.isSafeInteger(id) && id <= 2_147_483_647 ? await q.first() : undefined;
    if (!row) throw new DomainError('NotFound', { resource: 'alerts' }, { message: `No alert ${req.params.id} here.` });
    if (!isEventAlert(row.kind)) throw new DomainError('AlertNotAcknowledgeable', { kind: row.kind });
    res.json(await acknowledgeAlert(db, row.id, u.id));
  });
  r.use(crudRoutes(deps, alerts));
  return r;
}
