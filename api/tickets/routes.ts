// /api/tickets: thin transport — validate, call one action, answer.
import { Router, type Request } from 'express';
import type { z } from 'zod';
import type { ApiDeps } from '../deps.js';
import { actorOf, requireUser } from '../auth/middleware.js';
import type { SessionUser } from '../auth/sessions.js';
import { idempotencyKey, uuidFromKey } from '../http/idempotency.js';
import { parse } from '../http/validate.js';
import { loadServiceFor, loadTicketFor } from './access.js';
import * as actions from './actions.js';
import { createTicket } from './create.js';
import { listTickets } from './list.js';
import { readTicket } from './read.js';
import * as S from './schemas.js';
import { timelineOf } from './timeline.js';
import { chatOfTicket } from '../video/chat.js';
import type { TicketView } from '../../domain/ticket-messages.js';

type Action<B> = (
  d: ApiDeps,
  u: SessionUser,
  id: string,
  body: B,
  updateId?: string,
) => Promise<Pick<TicketView, 'id'>>;

export function ticketRoutes(deps: ApiDeps): Router {
  const r = Router();
  r.use('/tickets', requireUser(deps.db));

  r.get('/tickets', (req, res) => listTickets(deps, res.locals.user, req, res));

  r.post('/tickets', async (req, res) => {
    const user = res.locals.user;
    const body = parse(S.CreateTicketBody, req.body);
    const service = await loadServiceFor(deps.db, user, body.serviceId);
    const key = idempotencyKey(req, `u${user.id}`);
    const view = await createTicket(
      deps,
      {
        entityId: user.entityId,
        branchId: service.branchId,
        serviceId: service.id,
        virtualEnabled: service.virtualEnabled,
        active: service.active,
      },
      body,
      actorOf(user),
      key ? uuidFromKey(key) : undefined,
    );
    res.status(201).json(await readTicket(deps, user, view.id));
  });

  r.get('/tickets/:id', async (req, res) => {
    const row = await loadTicketFor(deps.db, res.locals.user, req.params.id);
    res.json(await readTicket(deps, res.locals.user, row.id));
  });

  r.get('/tickets/:id/timeline', async (req, res) => {
    await loadTicketFor(deps.db, res.locals.user, req.params.id);
    res.json(await timelineOf(deps.db, req.params.id));
  });

  // Issue 16: what was written in the ticket's video call, for whoever may read its timeline.
  r.get('/tickets/:id/chat', async (req, res) => {
    await loadTicketFor(deps.db, res.locals.user, req.params.id);
    res.json(await chatOfTicket(deps.db, req.params.id));
  });

  const action = <S extends z.ZodType>(path: string, schema: S, fn: Action<z.infer<S>>) =>
    r.post(`/tickets/:id/${path}`, async (req: Request<{ id: string }>, res) => {
      const user = res.locals.user;
      const body = parse(schema, req.body ?? {});
      const key = idempotencyKey(req, `u${user.id}`);
      const view = await fn(deps, user, req.params.id, body, key ? `${path}:${key}` : undefined);
      res.json(await readTicket(deps, user, view.id));
    });
  action('call', S.CallBody, actions.callTicket);
  action('recall', S.EmptyBody, actions.recallTicket);
  action('attend', S.EmptyBody, actions.attendTicket);
  action('finish', S.FinishBody, actions.finishTicket);
  action('requeue', S.RequeueBody, actions.requeueTicket);
  action('cancel', S.CancelBody, actions.cancelTicket);
  action('no-show', S.CancelBody, actions.markNoShow);
  action('transfer', S.TransferBody, actions.transferTicket);
  action('notes', S.NoteBody, actions.addNote);
  action('topics', S.TopicsBody, actions.setTopics);
  action('customer', S.EditCustomerBody, actions.editCustomer);
  action('confirm', S.EmptyBody, actions.confirmAppointment);
  action('check-in', S.EmptyBody, actions.checkIn);
  return r;
}
