// Issue 16: GET /api/customers/:id/visits — the customer panel at the desk. Staff reach the same
// customers as GET /api/customers/:id (their entity's; an agent, those with a ticket or an
// appointment at their branch); anyone else's customer is not found.
import { Router } from 'express';
import { z } from 'zod';
import { customerVisits } from '../../db/customers/visits.js';
import { Customer } from '../../db/models/customer.js';
import { DomainError } from '../../domain/errors.js';
import { requireUser } from '../auth/middleware.js';
import type { ApiDeps } from '../deps.js';
import { parse } from '../http/validate.js';
import { customers } from './routes.js';

export const VISITS_MAX = 50;
export const VisitsQuery = z.object({ limit: z.coerce.number().int().min(1).max(VISITS_MAX).default(10) }).strict();
const IdParam = z
  .string()
  .regex(/^[1-9]\d{0,8}$/)
  .transform(Number);

export function customerVisitRoutes(deps: ApiDeps): Router {
  const r = Router();
  r.get('/customers/:id/visits', requireUser(deps.db), async (req, res) => {
    const user = res.locals.user;
    const id = IdParam.safeParse(req.params.id);
    const { limit } = parse(VisitsQuery, req.query);
    const q = Customer.query(deps.db);
    customers.scope(q, user, deps.db);
    const reachable = id.success ? await q.where('customers.id', id.data).first() : undefined;
    if (!reachable || !id.success)
      throw new DomainError('NotFound', { resource: 'customers' }, { message: `No customer ${req.params.id} here.` });
    res.json(await customerVisits(deps.db, user.entityId, id.data, limit));
  });
  return r;
}
