// /api/topics: sub-services an agent records (C8), per service.
import type { ApiDeps } from '../deps.js';
import { crudRoutes, type CrudResource } from '../http/crud.js';
import { branchOfService, inReach, otherBranch, refuseWrite } from '../http/reach.js';
import { Topic } from '../../db/models/topic.js';
import { TopicCreate, TopicFilter, TopicUpdate } from './schemas.js';

export const topics: CrudResource<Topic> = {
  name: 'topics',
  audited: true,
  model: Topic,
  fields: { id: 'topics.id', name: 'topics.name', serviceId: 'topics.service_id' },
  defaultSort: ['name', 'asc'],
  filter: TopicFilter,
  search: (q, text) => void q.whereILike('topics.name', `%${text}%`),
  create: TopicCreate,
  update: TopicUpdate,
  scope: (q, u) => void q.whereRaw(...inReach('topics.service_id', u, 'service')),
  refuse: (u, op) => refuseWrite(u, 'topics', op),
  toRow: async (db, u, body, existing) => {
    if (body.serviceId === undefined) return body;
    const branchId = await branchOfService(db, u, body.serviceId as number);
    // Tickets of the branch record the topic: it may move between services of that branch only.
    if (existing && branchId !== (await branchOfService(db, u, existing.serviceId))) throw otherBranch('serviceId');
    return body;
  },
};

export const topicRoutes = (deps: ApiDeps) => crudRoutes(deps, topics);
