// /api/service_assignments: which services an agent serves, main or support (A5, A6). The
// agent and the service must be of the same branch, within the caller's reach.
import type { ApiDeps } from '../deps.js';
import { crudRoutes, type CrudResource } from '../http/crud.js';
import { branchOfService, branchOfUser, inReach, otherBranch, refuseWrite } from '../http/reach.js';
import { ServiceAssignment } from '../../db/models/service_assignment.js';
import { ServiceAssignmentCreate, ServiceAssignmentFilter, ServiceAssignmentUpdate } from './schemas.js';

export const serviceAssignments: CrudResource<ServiceAssignment> = {
  name: 'service_assignments',
  audited: true,
  model: ServiceAssignment,
  fields: {
    id: 'service_assignments.id',
    userId: 'service_assignments.user_id',
    serviceId: 'service_assignments.service_id',
    kind: 'service_assignments.kind',
  },
  defaultSort: ['id', 'asc'],
  filter: ServiceAssignmentFilter,
  create: ServiceAssignmentCreate,
  update: ServiceAssignmentUpdate,
  readOnly: ['userId', 'serviceId'],
  scope: (q, u) => void q.whereRaw(...inReach('service_assignments.service_id', u, 'service')),
  refuse: (u, op) => refuseWrite(u, 'service_assignments', op),
  toRow: async (db, u, body, existing) => {
    if (existing) return body;
    const serviceBranch = await branchOfService(db, u, body.serviceId as number);
    const userBranch = await branchOfUser(db, u, body.userId as number);
    if (userBranch !== serviceBranch) throw otherBranch('serviceId');
    return body;
  },
};

export const serviceAssignmentRoutes = (deps: ApiDeps) => crudRoutes(deps, serviceAssignments);
