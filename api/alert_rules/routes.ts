// /api/alert_rules (issue 19): alert thresholds. Supervisors set their branch's and its services';
// entity-wide rules (no branch) need entity rights, as break caps do. Audited configuration.
import type { ApiDeps } from '../deps.js';
import { crudRoutes, type CrudResource } from '../http/crud.js';
import {
  assertBranch,
  branchOfService,
  inReach,
  otherBranch,
  refuseUnlessConfiguresEntity,
  refuseWrite,
} from '../http/reach.js';
import { AlertRule } from '../../db/models/alert_rule.js';
import { AlertRuleCreate, AlertRuleFilter, AlertRuleUpdate } from './schemas.js';

export const alertRules: CrudResource<AlertRule> = {
  name: 'alert_rules',
  audited: true,
  model: AlertRule,
  fields: {
    id: 'alert_rules.id',
    branchId: 'alert_rules.branch_id',
    serviceId: 'alert_rules.service_id',
  },
  defaultSort: ['branchId', 'asc'],
  filter: AlertRuleFilter,
  create: AlertRuleCreate,
  update: AlertRuleUpdate,
  readOnly: ['entityId', 'branchId', 'serviceId'],
  // Entity-wide rules are shown to everyone of the entity (they apply to them); branch ones within reach.
  scope: (q, u) =>
    void q
      .where('alert_rules.entity_id', u.entityId)
      .where((w) => w.whereNull('alert_rules.branch_id').orWhereRaw(...inReach('alert_rules.branch_id', u))),
  refuse: (u, op, existing) =>
    refuseWrite(u, 'alert_rules', op) ??
    (existing && existing.branchId === null ? refuseUnlessConfiguresEntity(u) : undefined),
  toRow: async (db, u, body, existing) => {
    if (existing) return body;
    let branchId = body.branchId as number | null;
    const serviceId = body.serviceId as number | null;
    if (serviceId !== null) {
      const ofService = await branchOfService(db, u, serviceId);
      if (branchId !== null && branchId !== ofService) throw otherBranch('serviceId');
      branchId = ofService;
    } else if (branchId !== null) await assertBranch(db, u, branchId);
    if (branchId === null) {
      const refusal = refuseUnlessConfiguresEntity(u);
      if (refusal) throw refusal;
    }
    return { ...body, branchId, serviceId, entityId: u.entityId };
  },
};

export const alertRuleRoutes = (deps: ApiDeps) => crudRoutes(deps, alertRules);
