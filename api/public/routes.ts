// /api/public: the kiosk, the branch display and the customer status page (C9, H5). No login;
// each route grants exactly one thing, and issuing tickets is rate-limited per address.
import { Router } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { z } from 'zod';
import { DomainError } from '../../domain/errors.js';
import type { ApiDeps } from '../deps.js';
import { parse } from '../http/validate.js';
import { createTicket } from '../tickets/create.js';
import { activeBranch, displayOf, kioskServices, statusOf } from './queries.js';
import { issueStatusToken, ticketOfToken } from './tokens.js';

const BranchParams = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });
export const KioskBody = z.object({ serviceId: z.number().int().positive() }).strict();

export function publicRoutes(deps: ApiDeps): Router {
  const r = Router();
  const issueLimit = rateLimit({
    windowMs: 60_000, limit: 30, standardHeaders: 'draft-8', legacyHeaders: false,
    keyGenerator: (req) => ipKeyGenerator(req.ip ?? ''),
    handler: (_req, res) => res.status(429).json({ error: 'TooManyRequests', message: 'Too many tickets from this kiosk: wait a minute.' }),
  });

  r.get('/public/branches/:id', async (req, res) => {
    const { id } = parse(BranchParams, req.params);
    const branch = await activeBranch(deps.db, id);
    res.json({ id: branch.id, name: branch.name, services: await kioskServices(deps.db, id) });
  });

  r.post('/public/branches/:id/tickets', issueLimit, async (req, res) => {
    const { id } = parse(BranchParams, req.params);
    const { serviceId } = parse(KioskBody, req.body);
    const branch = await activeBranch(deps.db, id);
    const service = await deps.db('services').where({ id: serviceId, branch_id: id }).first('id', 'name', 'active', 'virtual_enabled');
    if (!service) throw new DomainError('Validation', {}, { fields: { serviceId: { code: 'unknown_reference' } } });
    const view = await createTicket(deps, {
      entityId: branch.entityId, branchId: id, serviceId, virtualEnabled: service.virtual_enabled as boolean, active: service.active as boolean,
    }, { serviceId, kind: 'turn' }, { type: 'customer', name: 'kiosk' });
    const token = await issueStatusToken(deps.db, view.id);
    res.status(201).json({ number: view.number, serviceName: service.name as string, token, statusUrl: `/status/${token}` });
  });

  r.get('/public/branches/:id/display', async (req, res) => {
    const { id } = parse(BranchParams, req.params);
    const branch = await activeBranch(deps.db, id);
    res.json({ branchName: branch.name, ...(await displayOf(deps.db, id)) });
  });

  r.get('/public/tickets/:token', async (req, res) => {
    const ticketId = await ticketOfToken(deps.db, req.params.token);
    if (!ticketId) throw new DomainError('LinkInvalid');
    res.json(await statusOf(deps.db, ticketId));
  });
  return r;
}
