// /api/message_templates (issue 20): an entity's own wording of its messages, per kind and
// language, with {placeholders}; a kind and language without one reads as the default
// (domain/messages-templates.ts). Configuration: written by admins and entity supervisors, audited.
import { MessageTemplateModel } from '../../db/models/message_template.js';
import { DomainError } from '../../domain/errors.js';
import type { ApiDeps } from '../deps.js';
import { crudRoutes, type CrudResource } from '../http/crud.js';
import { refuseWrite } from '../http/reach.js';
import { MessageTemplateCreate, MessageTemplateFilter, MessageTemplateUpdate } from './schemas.js';

export const messageTemplates: CrudResource<MessageTemplateModel> = {
  name: 'message_templates',
  audited: true,
  model: MessageTemplateModel,
  fields: {
    id: 'message_templates.id',
    kind: 'message_templates.kind',
    lang: 'message_templates.lang',
  },
  defaultSort: ['kind', 'asc'],
  filter: MessageTemplateFilter,
  search: (q, text) => void q.whereILike('message_templates.body', `%${text}%`),
  create: MessageTemplateCreate,
  update: MessageTemplateUpdate,
  readOnly: ['entityId'],
  computed: ['createdAt', 'updatedAt'],
  scope: (q, u) => void q.where('message_templates.entity_id', u.entityId),
  refuse: (u, op) => refuseWrite(u, 'message_templates', op),
  toRow: async (db, u, body, existing) => {
    const kind = body.kind ?? existing?.kind;
    const lang = body.lang ?? existing?.lang;
    const taken = await db('message_templates')
      .where({ entity_id: u.entityId, kind, lang })
      .modify((q) => void (existing ? q.whereNot('id', existing.id) : q))
      .first('id');
    if (taken) throw new DomainError('Validation', {}, { fields: { kind: { code: 'already_used' } } });
    return existing ? body : { ...body, entityId: u.entityId };
  },
};

export const messageTemplateRoutes = (deps: ApiDeps) => crudRoutes(deps, messageTemplates);
