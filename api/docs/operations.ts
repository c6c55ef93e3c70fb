// Every API operation, with the zod schemas that validate it: the OpenAPI document is built from
// this list, so the docs cannot drift from the validation. A route added elsewhere must be added
// here too (docs.test.ts checks the router against this list), with the contract of its answer
// (domain/contracts), which contract.test.ts holds the real API to.
import { z } from 'zod';
import * as C from '../../domain/contracts/index.js';
import { LoginBody } from '../auth/routes.js';
import * as T from '../tickets/schemas.js';
import { ListQuery } from '../http/ra.js';
import { EntityFilter, EntityUpdate } from '../entities/schemas.js';
import { BranchCreate, BranchFilter, BranchUpdate } from '../branches/schemas.js';
import { DepartmentCreate, DepartmentFilter, DepartmentUpdate } from '../departments/schemas.js';
import { ServiceCreate, ServiceFilter, ServiceUpdate } from '../services/schemas.js';
import { TopicCreate, TopicFilter, TopicUpdate } from '../topics/schemas.js';
import { PriorityCreate, PriorityFilter, PriorityUpdate } from '../priorities/schemas.js';
import { DeskCreate, DeskFilter, DeskUpdate } from '../desks/schemas.js';
import { UserCreate, UserFilter, UserUpdate } from '../users/schemas.js';
import {
  ServiceAssignmentCreate,
  ServiceAssignmentFilter,
  ServiceAssignmentUpdate,
} from '../service_assignments/schemas.js';
import { CustomerCreate, CustomerFilter, CustomerUpdate } from '../customers/schemas.js';
import { VISITS_MAX, VisitsQuery } from '../customers/visits.js';
import { AppointmentCreate, AppointmentFilter } from '../appointments/schemas.js';
import { NotificationFilter, NotificationUpdate } from '../notifications/schemas.js';
import { WebhookCreate, WebhookFilter, WebhookUpdate } from '../webhooks/schemas.js';
import { BreakCapCreate, BreakCapFilter, BreakCapUpdate } from '../break_caps/schemas.js';
import { AlertFilter } from '../alerts/schemas.js';
import { AlertRuleCreate, AlertRuleFilter, AlertRuleUpdate } from '../alert_rules/schemas.js';
import { MessageProviderCreate, MessageProviderFilter, MessageProviderUpdate } from '../message_providers/schemas.js';
import { PasswordChange, ProfileUpdate } from '../profile/schemas.js';
import { OTHER_OPERATIONS } from './others.js';
import { TICKET_RIGHTS_DOC } from '../../domain/ticket-rights.js';
import type { ErrorCode } from '../../domain/errors.js';

export interface Operation {
  method: 'get' | 'post' | 'put' | 'delete';
  /** Express-style path below /api, e.g. /tickets/:id/call */
  path: string;
  summary: string;
  tag: string;
  body?: z.ZodType;
  query?: z.ZodType;
  /** The JSON body of a success (domain/contracts); api/docs/contract.test.ts checks the real answers against it. */
  response?: z.ZodType;
  /** A success that is not JSON (CSV, HTML, a file): its content type instead of a schema. */
  produces?: string;
  /** Never succeeds: always refused with this code (e.g. deliveries are a record). */
  refused?: ErrorCode;
  /** Who may call it; omitted = public. */
  auth?: string;
  /** The success status, where the path's shape guesses it wrong (openapi.ts: 201 for a POST that creates). */
  ok?: 200 | 201 | 204;
}

interface CrudDoc {
  name: C.ResourceName;
  filter: z.ZodType;
  create?: z.ZodType;
  update?: z.ZodType;
  who: string;
  /** Records that are never deleted through the API (the refusal's code). */
  undeletable?: ErrorCode;
}

const CRUD: CrudDoc[] = [
  {
    name: 'entities',
    filter: EntityFilter,
    update: EntityUpdate,
    who: 'read: staff; update: admin',
    undeletable: 'NotWritable',
  },
  {
    name: 'branches',
    filter: BranchFilter,
    create: BranchCreate,
    update: BranchUpdate,
    who: 'read: staff; create/delete: admin; update: supervisor, admin',
  },
  {
    name: 'departments',
    filter: DepartmentFilter,
    create: DepartmentCreate,
    update: DepartmentUpdate,
    who: 'read: staff; write: supervisor, admin',
  },
  {
    name: 'services',
    filter: ServiceFilter,
    create: ServiceCreate,
    update: ServiceUpdate,
    who: 'read: staff; write: supervisor, admin',
  },
  {
    name: 'topics',
    filter: TopicFilter,
    create: TopicCreate,
    update: TopicUpdate,
    who: 'read: staff; write: supervisor, admin',
  },
  {
    name: 'priorities',
    filter: PriorityFilter,
    create: PriorityCreate,
    update: PriorityUpdate,
    who: 'read: staff; write: admin, entity supervisor',
  },
  {
    name: 'desks',
    filter: DeskFilter,
    create: DeskCreate,
    update: DeskUpdate,
    who: 'read: staff; write: supervisor, admin',
  },
  {
    name: 'users',
    filter: UserFilter,
    create: UserCreate,
    update: UserUpdate,
    who: 'read: staff of the branch; write: supervisor (agents), admin (not operators, nor the operator role: OperatorOnly), operator',
  },
  {
    name: 'service_assignments',
    filter: ServiceAssignmentFilter,
    create: ServiceAssignmentCreate,
    update: ServiceAssignmentUpdate,
    who: 'read: staff; write: supervisor, admin',
  },
  {
    name: 'customers',
    filter: CustomerFilter,
    create: CustomerCreate,
    update: CustomerUpdate,
    who: 'read: agents (their branch), supervisor, admin; write: supervisor, admin',
  },
  {
    name: 'appointments',
    filter: AppointmentFilter,
    create: AppointmentCreate,
    who: 'staff of the branch; changes go through the ticket',
    undeletable: 'NotWritable',
  },
  { name: 'notifications', filter: NotificationFilter, update: NotificationUpdate, who: 'each user, own only' },
  { name: 'webhooks', filter: WebhookFilter, create: WebhookCreate, update: WebhookUpdate, who: 'admin' },
  {
    name: 'break_caps',
    filter: BreakCapFilter,
    create: BreakCapCreate,
    update: BreakCapUpdate,
    who: 'read: staff; write: admin, entity supervisor',
  },
  {
    name: 'alerts',
    filter: AlertFilter,
    who: 'read: supervisor (their branch), admin; written by the system',
    undeletable: 'NotWritable',
  },
  {
    name: 'alert_rules',
    filter: AlertRuleFilter,
    create: AlertRuleCreate,
    update: AlertRuleUpdate,
    who: 'read: staff; write: supervisor (their branch), admin; entity-wide: admin, entity supervisor',
  },
  {
    name: 'message_providers',
    filter: MessageProviderFilter,
    create: MessageProviderCreate,
    update: MessageProviderUpdate,
    who: 'admin (issue 20: one per entity; the URL obeys OUTBOUND_ALLOW, 400 private_address; the token is write-only)',
  },
];

/** The five ra-data-simple-rest operations of a resource; every answer is its record (a list, an array of them). */
export const crudOps = ({ name, filter, create, update, who, undeletable }: CrudDoc): Operation[] => {
  const record = C.RESOURCES[name];
  const filters = filter instanceof z.ZodObject ? Object.keys(filter.shape) : [];
  return [
    {
      method: 'get',
      path: `/${name}`,
      summary: `List ${name} (react-admin: sort, range, filter; Content-Range). filter = ${JSON.stringify(filters)}`,
      tag: name,
      query: ListQuery,
      response: z.array(record),
      auth: who,
    },
    { method: 'get', path: `/${name}/:id`, summary: `One of ${name}`, tag: name, response: record, auth: who },
    ...(create
      ? [
          {
            method: 'post',
            path: `/${name}`,
            summary: `Create one of ${name} (honours Idempotency-Key)`,
            tag: name,
            body: create,
            response: record,
            auth: who,
          } as const,
        ]
      : []),
    ...(update
      ? [
          {
            method: 'put',
            path: `/${name}/:id`,
            summary: `Update one of ${name}`,
            tag: name,
            body: update,
            response: record,
            auth: who,
          } as const,
        ]
      : []),
    undeletable
      ? {
          method: 'delete',
          path: `/${name}/:id`,
          summary: `Refused (${undeletable}): ${name} are not deleted through the API`,
          tag: name,
          refused: undeletable,
          auth: who,
        }
      : {
          method: 'delete',
          path: `/${name}/:id`,
          summary: `Delete one of ${name} (409 while still referenced); answers the deleted record`,
          tag: name,
          response: record,
          auth: who,
        },
  ];
};

const ticketAction = (path: string, body: z.ZodType, summary: string): Operation => ({
  method: 'post',
  path: `/tickets/:id/${path}`,
  summary: `${summary}; answers the ticket after the step`,
  tag: 'tickets',
  body,
  response: C.Ticket,
  auth: TICKET_RIGHTS_DOC,
});

export const OPERATIONS: Operation[] = [
  {
    method: 'get',
    path: '/health',
    summary: 'Database, Temporal and worker health (503 when degraded)',
    tag: 'health',
    response: C.Health,
  },
  {
    method: 'post',
    path: '/auth/login',
    summary: 'Log in (10 tries a minute); sets the session cookie',
    tag: 'auth',
    body: LoginBody,
    response: C.LoginResult,
  },
  { method: 'post', path: '/auth/logout', summary: 'Log out: ends the session', tag: 'auth', response: C.Ok },
  {
    method: 'get',
    path: '/auth/me',
    summary: 'The signed-in user',
    tag: 'auth',
    response: C.SessionUser,
    auth: 'staff',
  },
  { method: 'get', path: '/profile', summary: 'E1: own profile', tag: 'profile', response: C.Profile, auth: 'staff' },
  {
    method: 'put',
    path: '/profile',
    summary: 'E2/E4: edit name, surname, phone (e-mail, entity, branch refused)',
    tag: 'profile',
    body: ProfileUpdate,
    response: C.Profile,
    auth: 'staff',
  },
  {
    method: 'post',
    path: '/profile/password',
    summary: 'E3: change password; other sessions end',
    tag: 'profile',
    body: PasswordChange,
    response: C.PasswordChanged,
    ok: 200,
    auth: 'staff',
  },
  {
    method: 'get',
    path: '/tickets',
    summary: 'B1–B5: list and search tickets',
    tag: 'tickets',
    query: ListQuery,
    response: z.array(C.Ticket),
    auth: 'staff',
  },
  {
    method: 'post',
    path: '/tickets',
    summary: 'B6: create a ticket or appointment (Idempotency-Key)',
    tag: 'tickets',
    body: T.CreateTicketBody,
    response: C.Ticket,
    auth: 'staff',
  },
  { method: 'get', path: '/tickets/:id', summary: 'One ticket', tag: 'tickets', response: C.Ticket, auth: 'staff' },
  {
    method: 'get',
    path: '/tickets/:id/timeline',
    summary: 'B7: timeline',
    tag: 'tickets',
    response: z.array(C.TimelineEvent),
    auth: 'staff',
  },
  {
    method: 'get',
    path: '/tickets/:id/chat',
    summary: "Issue 16: the chat of the ticket's video call (text and files), oldest first; empty without a call",
    tag: 'tickets',
    response: z.array(C.ChatMessage),
    auth: 'staff',
  },
  {
    method: 'get',
    path: '/customers/:id/visits',
    summary: `Issue 16: a customer's latest ended visits (newest first, limit 1–${VISITS_MAX}, default 10) for the desk's customer panel; 404 for a customer out of the caller's reach`,
    tag: 'customers',
    query: VisitsQuery,
    response: C.CustomerVisits,
    auth: 'staff',
  },
  ticketAction('call', T.CallBody, 'C1/C2: call'),
  ticketAction('recall', T.EmptyBody, 'C4: recall'),
  ticketAction('attend', T.EmptyBody, 'C2: attending'),
  ticketAction('finish', T.FinishBody, 'C6: finish'),
  ticketAction('requeue', T.RequeueBody, 'B7: requeue'),
  ticketAction('cancel', T.CancelBody, 'B7/D2: cancel'),
  ticketAction('no-show', T.CancelBody, 'H2: the holder marks the called customer a no-show'),
  ticketAction('transfer', T.TransferBody, 'D4: transfer'),
  ticketAction('notes', T.NoteBody, 'C7: note'),
  ticketAction('topics', T.TopicsBody, 'C8: topics'),
  ticketAction('customer', T.EditCustomerBody, 'C5: edit customer'),
  ticketAction('confirm', T.EmptyBody, 'A2: confirm appointment'),
  ticketAction('check-in', T.EmptyBody, 'H6: check in'),
  {
    method: 'get',
    path: '/notifications/unread-count',
    summary: 'A2: unread count',
    tag: 'notifications',
    response: C.UnreadCount,
    auth: 'staff',
  },
  {
    method: 'post',
    path: '/notifications/read-all',
    summary: 'A2: mark all read',
    tag: 'notifications',
    response: C.ReadAll,
    ok: 200,
    auth: 'staff',
  },
  {
    method: 'post',
    path: '/notifications/:id/read',
    summary: 'A2: mark one read',
    tag: 'notifications',
    response: C.Notification,
    auth: 'staff',
  },
  ...CRUD.flatMap(crudOps),
  ...OTHER_OPERATIONS,
  { method: 'get', path: '/docs', summary: 'This list, as HTML', tag: 'docs', produces: 'text/html' },
  {
    method: 'get',
    path: '/docs/openapi.json',
    summary: 'OpenAPI 3.1 document',
    tag: 'docs',
    response: C.OpenApiDocument,
  },
];
