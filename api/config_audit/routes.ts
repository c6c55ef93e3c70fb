// /api/config_audit (issue 19): who changed the configuration, when, from what to what; written
// by every configuration write (api/http/audit.ts), read here by the back office per resource and
// per record. A record of the past: never written through the API. Admins see the entity's
// entries; a branch supervisor those of their branch's records; agents none.
import { ConfigAudit } from '../../db/models/config_audit.js';
import { DomainError } from '../../domain/errors.js';
import type { ApiDeps } from '../deps.js';
import { crudRoutes, type CrudResource } from '../http/crud.js';
import { agentsCannotConfigure, reachesWholeEntity, refuseWrite } from '../http/reach.js';
import { ConfigAuditFilter } from './schemas.js';

const notWritable = () =>
  new DomainError('NotWritable', { resource: 'config_audit' }, { message: 'The audit log is a record of the past.' });

export const configAudit: CrudResource<ConfigAudit> = {
  name: 'config_audit',
  model: ConfigAudit,
  fields: {
    id: 'config_audit.id',
    at: 'config_audit.at',
    resource: 'config_audit.resource',
    recordId: 'config_audit.record_id',
    actorId: 'config_audit.actor_id',
    action: 'config_audit.action',
  },
  defaultSort: ['at', 'desc'],
  filter: ConfigAuditFilter,
  search: (q, text) => void q.whereILike('config_audit.actor_name', `%${text}%`),
  scope: (q, u) => {
    q.where('config_audit.entity_id', u.entityId);
    if (!reachesWholeEntity(u)) q.where('config_audit.branch_id', u.branchId);
  },
  refuseRead: (u) => (u.role === 'agent' ? agentsCannotConfigure() : undefined),
  refuse: (u, op) => refuseWrite(u, 'config_audit', op),
  toRow: async () => {
    throw notWritable();
  },
};

export const configAuditRoutes = (deps: ApiDeps) => crudRoutes(deps, configAudit);
