// /api/customers: people of the entity. Supervisors and admins search the whole entity (to pick
// a customer for a new ticket, B6); an agent sees the customers who have a ticket or an
// appointment at their branch, and edits them from the ticket they serve (C5).
import { foldedContains } from '../../db/text.js';
import type { ApiDeps } from '../deps.js';
import { crudRoutes, type CrudResource } from '../http/crud.js';
import { refuseUnlessConfigures } from '../http/reach.js';
import { DomainError } from '../../domain/errors.js';
import { Customer } from '../../db/models/customer.js';
import { CustomerCreate, CustomerFilter, CustomerUpdate } from './schemas.js';

export const customers: CrudResource<Customer> = {
  name: 'customers',
  model: Customer,
  fields: {
    id: 'customers.id',
    firstName: 'customers.first_name',
    lastName: 'customers.last_name',
    email: 'customers.email',
    idNumber: 'customers.id_number',
    phone: 'customers.phone',
    createdAt: 'customers.created_at',
  },
  defaultSort: ['lastName', 'asc'],
  filter: CustomerFilter,
  search: (q, text) =>
    void q.where((w) =>
      w
        .whereRaw(...foldedContains(`customers.first_name || ' ' || customers.last_name`, text))
        .orWhereILike('customers.id_number', `%${text}%`),
    ),
  create: CustomerCreate,
  update: CustomerUpdate,
  readOnly: ['entityId', 'anonymisedAt'],
  scope: (q, u) => {
    void q.where('customers.entity_id', u.entityId);
    if (u.role === 'agent') {
      void q.whereRaw(
        'customers.id in (select customer_id from tickets where branch_id = ? union select customer_id from appointments where branch_id = ?)',
        [u.branchId, u.branchId],
      );
    }
  },
  refuse: (u) =>
    u.role === 'agent'
      ? new DomainError(
          'RoleRequired',
          { roles: ['supervisor', 'admin'] },
          { message: 'Agents edit a customer from the ticket they serve (POST /api/tickets/{id}/customer).' },
        )
      : refuseUnlessConfigures(u),
  toRow: async (_db, u, body, existing) => (existing ? body : { lastName: '', ...body, entityId: u.entityId }),
};

export const customerRoutes = (deps: ApiDeps) => crudRoutes(deps, customers);
