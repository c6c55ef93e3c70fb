// /api/public: the kiosk, the branch display and the customer status page (C9, H5, H6). No login;
// each route grants exactly one thing (writes: domain/ticket-rights.ts PUBLIC_RIGHTS), and the
// kiosk's writes are rate-limited per address (issuing tickets; check-in, against guessing ID numbers).
import { Router } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { z } from 'zod';
import { DomainError } from '../../domain/errors.js';
import type { ApiDeps } from '../deps.js';
import { parse } from '../http/validate.js';
import { createTicket } from '../tickets/create.js';
import { KIOSK, kioskCheckIn } from './check-in.js';
import { leaveQueue } from './leave.js';
import { onMyWay } from './on-my-way.js';
import { messageLinkRoutes } from './messages.js';
import { activeBranch, displayOf, kioskServices, statusOf } from './queries.js';
import { CheckInBody, KioskBody, LeaveBody } from './schemas.js';
import { statusLink, ticketOfToken } from './tokens.js';
import type { DisplayView, KioskTicket, PublicBranch } from '../../domain/contracts/public.js';

const BranchParams = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });

/** 30 a minute per address: a busy kiosk's pace, far below what guessing needs. Each write has its own budget. */
const perKiosk = (what: string) =>
  rateLimit({
    windowMs: 60_000,
    limit: 30,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req) => ipKeyGenerator(req.ip ?? ''),
    handler: (_req, res) =>
      res.status(429).json({
        error: 'TooManyRequests',
        code: 'TooManyRequests',
        params: {},
        message: `Too many ${what} from this kiosk: wait a minute.`,
      }),
  });

export function publicRoutes(deps: ApiDeps): Router {
  const r = Router();
  r.use(messageLinkRoutes(deps)); // issue 20: a message's opt-out and confirm links
  const issueLimit = perKiosk('tickets');
  const checkInLimit = perKiosk('check-ins');

  r.get('/public/branches/:id', async (req, res) => {
    const { id } = parse(BranchParams, req.params);
    const branch = await activeBranch(deps.db, id);
    const page: PublicBranch = { id: branch.id, name: branch.name, services: await kioskServices(deps.db, id) };
    res.json(page);
  });

  r.post('/public/branches/:id/tickets', issueLimit, async (req, res) => {
    const { id } = parse(BranchParams, req.params);
    const { serviceId } = parse(KioskBody, req.body);
    const branch = await activeBranch(deps.db, id);
    const service: { id: number; name: string; active: boolean; virtual_enabled: boolean } | undefined = await deps
      .db('services')
      .where({ id: serviceId, branch_id: id })
      .first('id', 'name', 'active', 'virtual_enabled');
    if (!service) throw new DomainError('Validation', {}, { fields: { serviceId: { code: 'unknown_reference' } } });
    const view = await createTicket(
      deps,
      {
        entityId: branch.entityId,
        branchId: id,
        serviceId,
        virtualEnabled: service.virtual_enabled,
        active: service.active,
      },
      { serviceId, kind: 'turn' },
      KIOSK,
    );
    const ticket: KioskTicket = {
      number: view.number,
      serviceName: service.name,
      ...(await statusLink(deps.db, view.id)),
    };
    res.status(201).json(ticket);
  });

  r.post('/public/branches/:id/check-in', checkInLimit, async (req, res) => {
    const { id } = parse(BranchParams, req.params);
    const { idNumber } = parse(CheckInBody, req.body);
    await activeBranch(deps.db, id);
    res.json(await kioskCheckIn(deps, id, idNumber));
  });

  r.get('/public/branches/:id/display', async (req, res) => {
    const { id } = parse(BranchParams, req.params);
    const branch = await activeBranch(deps.db, id);
    const view: DisplayView = { branchName: branch.name, ...(await displayOf(deps.db, id)) };
    res.json(view);
  });

  r.get('/public/tickets/:token', async (req, res) => {
    const ticketId = await ticketOfToken(deps.db, req.params.token);
    if (!ticketId) throw new DomainError('LinkInvalid');
    res.json(await statusOf(deps.db, ticketId));
  });

  r.post('/public/tickets/:token/leave', async (req, res) => {
    parse(LeaveBody, req.body ?? {});
    const ticketId = await ticketOfToken(deps.db, req.params.token);
    if (!ticketId) throw new DomainError('LinkInvalid');
    res.json(await leaveQueue(deps, ticketId));
  });

  r.post('/public/tickets/:token/on-my-way', async (req, res) => {
    parse(LeaveBody, req.body ?? {}); // no fields either
    const ticketId = await ticketOfToken(deps.db, req.params.token);
    if (!ticketId) throw new DomainError('LinkInvalid');
    res.json(await onMyWay(deps, ticketId));
  });
  return r;
}
