// /api/users: staff of the entity. Agents see their branch's colleagues (B2); the password hash
// is never returned. An e-mail is unique within the entity only (migration 013): creating a user
// with an e-mail another entity uses succeeds, so no answer tells one entity about another's staff.
import { foldedContains } from '../../db/text.js';
import { raw } from 'objection';
import type { ApiDeps } from '../deps.js';
import { crudRoutes, type CrudResource } from '../http/crud.js';
import { reachesWholeEntity } from '../http/reach.js';
import { User } from '../../db/models/user.js';
import { userConsequences } from './consequences.js';
import { refuseUserWrite, userRow } from './rules.js';
import { UserCreate, UserFilter, UserUpdate } from './schemas.js';

export const users: CrudResource<User> = {
  name: 'users',
  audited: true,
  model: User,
  fields: {
    id: 'users.id',
    email: 'users.email',
    role: 'users.role',
    firstName: 'users.first_name',
    lastName: 'users.last_name',
    branchId: 'users.branch_id',
    active: 'users.active',
    createdAt: 'users.created_at',
  },
  defaultSort: ['lastName', 'asc'],
  filter: UserFilter,
  search: (q, text) =>
    void q.where((w) =>
      w
        .whereRaw(...foldedContains(`users.first_name || ' ' || users.last_name`, text))
        .orWhereILike('users.email', `%${text}%`),
    ),
  create: UserCreate,
  update: UserUpdate,
  readOnly: ['entityId'],
  computed: ['shiftState', 'shiftDeskId', 'shiftStateSince'],
  scope: (q, u) => {
    void q.where('users.entity_id', u.entityId);
    if (!reachesWholeEntity(u)) void q.where('users.branch_id', u.branchId);
    // B2: each agent's live state from the open shift (null when logged out); socket.io 'shift'
    // events keep a list current after it loads.
    void q.select(
      'users.*',
      ...['state', 'desk_id', 'state_since'].map((c) =>
        raw(`(select s.${c} from shifts s where s.user_id = users.id and s.ended_at is null) as shift_${c}`),
      ),
    );
  },
  refuse: refuseUserWrite,
  toRow: userRow,
};

export const userRoutes = (deps: ApiDeps) => crudRoutes(deps, { ...users, consequences: userConsequences(deps) });
