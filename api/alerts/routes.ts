// /api/alerts (issue 19): raised and cleared alerts, newest first, for back-office staff within
// their reach (a supervisor: their branch). Written only by the evaluator (activities/alerts).
import type { ApiDeps } from '../deps.js';
import { crudRoutes, type CrudResource } from '../http/crud.js';
import { inReach, refuseWrite } from '../http/reach.js';
import { Alert } from '../../db/models/alert.js';
import { DomainError } from '../../domain/errors.js';
import { AlertFilter } from './schemas.js';

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
  refuseRead: (u) => (u.role === 'agent' ? new DomainError('BackOfficeStaffOnly') : undefined),
  refuse: (u, op) => refuseWrite(u, 'alerts', op),
  toRow: async (_db, _u, body) => body,
};

export const alertRoutes = (deps: ApiDeps) => crudRoutes(deps, alerts);
