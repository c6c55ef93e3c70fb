// /api/services: what customers queue for. The branch follows from the department.
import type { ApiDeps } from '../deps.js';
import { crudRoutes, type CrudResource } from '../http/crud.js';
import { branchOfDepartment, inReach, otherBranch, refuseWrite } from '../http/reach.js';
import { Service } from '../../db/models/service.js';
import { ServiceCreate, ServiceFilter, ServiceUpdate } from './schemas.js';

export const services: CrudResource<Service> = {
  name: 'services',
  audited: true,
  model: Service,
  fields: {
    id: 'services.id',
    name: 'services.name',
    label: 'services.label',
    branchId: 'services.branch_id',
    departmentId: 'services.department_id',
    active: 'services.active',
    virtualEnabled: 'services.virtual_enabled',
  },
  defaultSort: ['label', 'asc'],
  filter: ServiceFilter,
  search: (q, text) =>
    void q.where((w) => w.whereILike('services.name', `%${text}%`).orWhereILike('services.label', `%${text}%`)),
  create: ServiceCreate,
  update: ServiceUpdate,
  readOnly: ['branchId'],
  scope: (q, u) => void q.whereRaw(...inReach('services.branch_id', u)),
  refuse: (u, op) => refuseWrite(u, 'services', op),
  toRow: async (db, u, body, existing) => {
    if (body.departmentId === undefined) return body;
    const branchId = await branchOfDepartment(db, u, body.departmentId as number);
    // Tickets and desks pin a service to its branch: a service may move between departments of
    // its branch only.
    if (existing && branchId !== existing.branchId) throw otherBranch('departmentId');
    return { ...body, branchId };
  },
};

export const serviceRoutes = (deps: ApiDeps) => crudRoutes(deps, services);
