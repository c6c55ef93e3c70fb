// Who may create, edit and delete each configuration resource (issue 19): one table, read by the
// API's refusals (api/http/reach.ts) and by the back office, which offers only what the user's
// role may do (authProvider.canAccess) instead of a button that ends in a refusal.
import { hasAdminRights, type Role } from './agents.js';

export type WriteOp = 'create' | 'update' | 'delete';
/** configures: admins and supervisors (within their reach); entity: admins and branch-less supervisors. */
export type Who = 'configures' | 'entity' | 'admin' | 'nobody';
export interface Staff {
  role: Role;
  branchId: number | null;
}

export const configures = (u: Staff): boolean => hasAdminRights(u.role) || u.role === 'supervisor';
export const configuresEntity = (u: Staff): boolean =>
  hasAdminRights(u.role) || (u.role === 'supervisor' && u.branchId === null);

const all = (who: Who): Record<WriteOp, Who> => ({ create: who, update: who, delete: who });

export const WRITE_RIGHTS = {
  entities: { create: 'nobody', update: 'admin', delete: 'nobody' },
  branches: { create: 'admin', update: 'configures', delete: 'admin' },
  departments: all('configures'),
  services: all('configures'),
  topics: all('configures'),
  desks: all('configures'),
  service_assignments: all('configures'),
  users: all('configures'),
  customers: all('configures'),
  priorities: all('entity'),
  break_caps: all('entity'),
  webhooks: all('admin'),
  config_audit: all('nobody'),
  /** Issue 19: a branch's or service's thresholds; entity-wide ones need entity rights (api/alert_rules). */
  alert_rules: all('configures'),
  alerts: all('nobody'),
  // Issue 20: an entity's message wording; the outbox is written by tickets only.
  message_templates: all('entity'),
  /** Its URL may carry credentials and its token is one: admins only, as webhooks. */
  message_providers: all('admin'),
  messages: all('nobody'),
} as const satisfies Record<string, Record<WriteOp, Who>>;
export type RightsResource = keyof typeof WRITE_RIGHTS;

export const isRightsResource = (r: string): r is RightsResource => r in WRITE_RIGHTS;

/** Whether `u`'s role may do `op` on `resource` at all (rows outside their reach are refused apart). */
export function mayWrite(u: Staff, resource: RightsResource, op: WriteOp): boolean {
  switch (WRITE_RIGHTS[resource][op] as Who) {
    case 'configures':
      return configures(u);
    case 'entity':
      return configuresEntity(u);
    case 'admin':
      return hasAdminRights(u.role);
    case 'nobody':
      return false;
  }
}
