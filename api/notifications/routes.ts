// /api/notifications (A2): each user's own, newest first, with the unread count in the
// X-Unread-Count header of every list and at /api/notifications/unread-count.
import { Router, type Request, type Response } from 'express';
import type { ApiDeps } from '../deps.js';
import { requireUser } from '../auth/middleware.js';
import type { SessionUser } from '../auth/sessions.js';
import { crudRoutes, type CrudResource } from '../http/crud.js';
import { idempotent } from '../http/idempotent.js';
import { Notification } from '../../db/models/notification.js';
import type { Db } from '../../db/knex.js';
import { DomainError } from '../../domain/errors.js';
import { NotificationFilter, NotificationUpdate } from './schemas.js';

const mine = (db: Db, u: SessionUser) => db('notifications').where({ user_id: u.id, entity_id: u.entityId });
const unreadCount = async (db: Db, u: SessionUser): Promise<number> => {
  const [{ n }] = (await mine(db, u).whereNull('read_at').count({ n: '*' })) as [{ n: number }];
  return Number(n);
};

export const notifications: CrudResource<Notification> = {
  name: 'notifications',
  model: Notification,
  fields: {
    id: 'notifications.id',
    type: 'notifications.type',
    createdAt: 'notifications.created_at',
    readAt: 'notifications.read_at',
  },
  defaultSort: ['createdAt', 'desc'],
  filter: NotificationFilter,
  customFilters: {
    unread: (q, v) => void (v ? q.whereNull('notifications.read_at') : q.whereNotNull('notifications.read_at')),
  },
  update: NotificationUpdate,
  readOnly: ['entityId', 'userId', 'type', 'title', 'body', 'data', 'dedupeKey'],
  scope: (q, u) => void q.where({ 'notifications.user_id': u.id, 'notifications.entity_id': u.entityId }),
  refuse: (_u, op) =>
    op === 'create'
      ? new DomainError(
          'NotWritable',
          { resource: 'notifications' },
          { message: 'Notifications are created by the system.' },
        )
      : undefined,
  toRow: async (_db, _u, body) => ({
    ...body,
    ...(typeof body.readAt === 'string' ? { readAt: new Date(body.readAt) } : {}),
  }),
  listHeaders: async (db, u) => ({ 'X-Unread-Count': String(await unreadCount(db, u)) }),
};

export function notificationRoutes(deps: ApiDeps): Router {
  const r = Router();
  const { db } = deps;
  // Before the generic /:id routes, which would read "unread-count" as an id.
  r.use('/notifications', requireUser(db));
  r.get('/notifications/unread-count', async (_req, res) => {
    res.json({ unread: await unreadCount(db, res.locals.user) });
  });
  r.post('/notifications/read-all', idempotent(db, deps.log), async (_req, res) => {
    const marked = await mine(db, res.locals.user).whereNull('read_at').update({ read_at: db.fn.now() });
    res.json({ marked, unread: 0 });
  });
  r.post('/notifications/:id/read', idempotent(db, deps.log), async (req: Request<{ id: string }>, res: Response) => {
    const id = /^\d{1,15}$/.test(req.params.id) ? Number(req.params.id) : NaN;
    const row = Number.isSafeInteger(id)
      ? await mine(db, res.locals.user).where({ id }).first('id', 'read_at')
      : undefined;
    if (!row)
      throw new DomainError(
        'NotFound',
        { resource: 'notifications' },
        { message: `No notification ${req.params.id} of yours.` },
      );
    if (!row.read_at) await mine(db, res.locals.user).where({ id }).update({ read_at: db.fn.now() });
    res.json(await Notification.query(db).findById(id));
  });
  r.use(crudRoutes(deps, notifications));
  return r;
}
