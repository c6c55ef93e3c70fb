// /api/departments: the middle of the service tree (B1), per branch.
import type { ApiDeps } from '../deps.js';
import { crudRoutes, type CrudResource } from '../http/crud.js';
import { assertBranch, inReach, refuseWrite } from '../http/reach.js';
import { Department } from '../../db/models/department.js';
import { DepartmentCreate, DepartmentFilter, DepartmentUpdate } from './schemas.js';

export const departments: CrudResource<Department> = {
  name: 'departments',
  audited: true,
  model: Department,
  fields: { id: 'departments.id', name: 'departments.name', branchId: 'departments.branch_id' },
  defaultSort: ['name', 'asc'],
  filter: DepartmentFilter,
  search: (q, text) => void q.whereILike('departments.name', `%${text}%`),
  create: DepartmentCreate,
  update: DepartmentUpdate,
  readOnly: ['branchId'],
  scope: (q, u) => void q.whereRaw(...inReach('departments.branch_id', u)),
  refuse: (u, op) => refuseWrite(u, 'departments', op),
  toRow: async (db, u, body, existing) => {
    if (!existing) await assertBranch(db, u, body.branchId as number);
    return body;
  },
};

export const departmentRoutes = (deps: ApiDeps) => crudRoutes(deps, departments);
