// /api/public: the kiosk, the branch display and the customer status page (C9, H5, H6). No login;
// each route grants exactly one thing (writes: domain/ticket-rights.ts PUBLIC_RIGHTS), and the
// kiosk's writes are rate-limited per address (issuing tickets; check-in, against guessing ID numbers).
import { Router } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { z } from 'zod';
import { DomainError } from '../../domain/errors.js';
import type { ApiDeps } from '../deps.js';
import { parse } from '../http/validate.js';
import { kioskCheckIn } from './check-in.js';
import { leaveQueue } from './leave.js';
import { onMyWay } from './on-my-way.js';
import { messageLinkRoutes } from './messages.js';
import { activeBranch, displayOf, kioskPriorities, kioskServices, statusOf } from './queries.js';
import { issueKioskTicket } from './kiosk.js';
import { answerSurvey, surveyOf } from '../../db/surveys/answer.js';
import { CheckInBody, KioskBody, LeaveBody, SurveyBody } from './schemas.js';
import { ticketOfToken } from './tokens.js';
import type { DisplayView, PublicBranch } from '../../domain/contracts/public.js';

const BranchParams = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });
const TokenParams = z.object({ token: z.string().max(100) });

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
  const surveyLimit = perKiosk('survey answers');

  r.get('/public/branches/:id', async (req, res) => {
    const { id } = parse(BranchParams, req.params);
    const branch = await activeBranch(deps.db, id);
    const page: PublicBranch = {
      id: branch.id,
      name: branch.name,
      services: await kioskServices(deps.db, id),
      priorities: await kioskPriorities(deps.db, branch.entityId),
    };
    res.json(page);
  });

  r.post('/public/branches/:id/tickets', issueLimit, async (req, res) => {
    const { id } = parse(BranchParams, req.params);
    res.status(201).json(await issueKioskTicket(deps, id, parse(KioskBody, req.body)));
  });

  r.post('/public/branches/:id/check-in', checkInLimit, async (req, res) => {
    const { id } = parse(BranchParams, req.params);
    const body = parse(CheckInBody, req.body);
    await activeBranch(deps.db, id);
    res.json(await kioskCheckIn(deps, id, body));
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

  // Issue 20: the satisfaction survey of a finished ticket, opened with its status-page token.
  r.get('/public/tickets/:token/survey', async (req, res) => {
    const ticketId = await ticketOfToken(deps.db, req.params.token);
    if (!ticketId) throw new DomainError('LinkInvalid');
    res.json(await surveyOf(deps.db, ticketId));
  });

  r.post('/public/tickets/:token/survey', surveyLimit, async (req, res) => {
    const body = parse(SurveyBody, req.body);
    const ticketId = await ticketOfToken(deps.db, parse(TokenParams, req.params).token);
    if (!ticketId) throw new DomainError('LinkInvalid');
    res.json(await answerSurvey(deps.db, ticketId, body));
  });
  return r;
}
