// /api/messages (issue 20): the outbox — every message sent to a customer, with its channel,
// status, what the relay accepted and the ticket it is about. Written only by the ticket
// workflows' send activity; read here by the back office within the reader's reach (a branch
// supervisor sees their branch's; agents none).
import { MessageModel } from '../../db/models/message.js';
import { DomainError } from '../../domain/errors.js';
import type { ApiDeps } from '../deps.js';
import { crudRoutes, type CrudResource } from '../http/crud.js';
import { agentsCannotConfigure, reachesWholeEntity, refuseWrite } from '../http/reach.js';
import { MessageFilter } from './schemas.js';

export const messages: CrudResource<MessageModel> = {
  name: 'messages',
  model: MessageModel,
  fields: {
    id: 'messages.id',
    createdAt: 'messages.created_at',
    sentAt: 'messages.sent_at',
    kind: 'messages.kind',
    channel: 'messages.channel',
    status: 'messages.status',
    branchId: 'messages.branch_id',
    ticketId: 'messages.ticket_id',
  },
  defaultSort: ['id', 'desc'],
  filter: MessageFilter,
  search: (q, text) =>
    void q.where((w) => w.whereILike('messages.recipient', `%${text}%`).orWhereILike('t.number', `%${text}%`)),
  scope: (q, u) => {
    q.join('tickets as t', 't.id', 'messages.ticket_id')
      .select('messages.*', 't.number as ticket_number')
      .where('messages.entity_id', u.entityId);
    if (!reachesWholeEntity(u)) q.where('messages.branch_id', u.branchId);
  },
  refuseRead: (u) => (u.role === 'agent' ? agentsCannotConfigure() : undefined),
  refuse: (u, op) => refuseWrite(u, 'messages', op),
  toRow: async () => {
    throw new DomainError(
      'NotWritable',
      { resource: 'messages' },
      { message: 'Messages are written by their tickets.' },
    );
  },
};

export const messageRoutes = (deps: ApiDeps) => crudRoutes(deps, messages);
