// The back-office resources through their five ra-data-simple-rest operations, for the contract
// test: list, create, read, update, delete — each answer checked by the driver (tests/support/contract.ts).
import type { Db } from '../../db/knex.js';
import type { ResourceName } from '../../domain/contracts/resources.js';
import { OPERATIONS } from '../../api/docs/operations.js';
import { num, type Caller, type ContractDriver } from './contract.js';

export interface CrudPlan {
  /** Its create body (when it can be created) and an update body (when it can be updated). */
  create?: Record<string, unknown>;
  update?: Record<string, unknown>;
  /** An existing record to read, update and delete when the resource has no create. */
  existingId?: number;
}

const listed = (method: string, path: string) => OPERATIONS.some((o) => o.method === method && o.path === path);

/** Runs every listed operation of `name`; a created record is deleted again (or refused, as listed). */
export async function exerciseResource(
  api: ContractDriver,
  who: Caller,
  name: ResourceName,
  plan: CrudPlan,
): Promise<void> {
  const base = `/${name}`;
  await api.call(who, 'get', base, { query: { range: [0, 4] } });
  let id = plan.existingId;
  if (listed('post', base) && plan.create) id = num(await api.call(who, 'post', base, { body: plan.create }), 'id');
  if (id === undefined) throw new Error(`${name}: nothing to read`);
  await api.call(who, 'get', `${base}/:id`, { params: { id } });
  if (listed('put', `${base}/:id`) && plan.update)
    await api.call(who, 'put', `${base}/:id`, { params: { id }, body: plan.update });
  await api.call(who, 'delete', `${base}/:id`, { params: { id } });
}

/** Ids the plans refer to, read from the demo data. */
export async function demoIds(db: Db) {
  const centro: { id: number; entity_id: number } = await db('branches')
    .where({ code: 'CEN' })
    .first('id', 'entity_id');
  const service = async (label: string): Promise<number> =>
    (await db('services').where({ branch_id: centro.id, label }).first('id')).id;
  const user = async (email: string): Promise<number> => (await db('users').where({ email }).first('id')).id;
  const caja: { id: number } = await db('departments').where({ branch_id: centro.id, name: 'Caja' }).first('id');
  return {
    entityId: centro.entity_id,
    centro: centro.id,
    caja: caja.id,
    C: await service('C'),
    P: await service('P'),
    A: await service('A'),
    V: await service('V'),
    bruno: await user('bruno@andino.demo'),
    admin: await user('admin@andino.demo'),
  };
}
export type DemoIds = Awaited<ReturnType<typeof demoIds>>;

/** What each resource is created and updated with (fresh names: the demo data stays as it is). */
/** Webhooks and their deliveries are driven by the webhook scene (a real receiver answers). */
/** Alerts are raised by the evaluator, not the API: api/alerts/alerts.test.ts drives them. */
/** A message provider's URL must be one the outbound policy allows: the contract test's receiver. */
export type PlainResource = Exclude<
  ResourceName,
  'webhooks' | 'webhook_deliveries' | 'config_audit' | 'alerts' | 'message_providers'
>;

export function crudPlans(ids: DemoIds, notificationId: number): Record<PlainResource, CrudPlan> {
  return {
    entities: { existingId: ids.entityId, update: { name: 'Banco Andino' } },
    branches: { create: { name: 'Sucursal Contrato', code: 'CTR' }, update: { checkInWindowMinutes: 20 } },
    departments: { create: { branchId: ids.centro, name: 'Contratos' }, update: { name: 'Contratos 2' } },
    services: { create: { departmentId: ids.caja, name: 'Contratos', label: 'Z' }, update: { slaTargetSeconds: 600 } },
    topics: { create: { serviceId: ids.C, name: 'Contrato' }, update: { name: 'Contrato 2' } },
    priorities: { create: { name: 'Contrato', level: 3 }, update: { level: 4 } },
    desks: { create: { branchId: ids.centro, name: 'Módulo contrato' }, update: { name: 'Módulo contrato 2' } },
    users: {
      create: {
        email: 'contrato@andino.demo',
        password: 'contrato-2026-x',
        firstName: 'Con',
        lastName: 'Trato',
        branchId: ids.centro,
      },
      update: { phone: '+57 300 000 0000' },
    },
    service_assignments: { create: { userId: ids.bruno, serviceId: ids.A, kind: 'support' }, update: { kind: 'main' } },
    customers: {
      create: { firstName: 'Cliente', lastName: 'Contrato', idNumber: 'CT-9001' },
      update: { phone: '+57 301 000 0000' },
    },
    appointments: {
      create: {
        serviceId: ids.A,
        scheduledAt: new Date(Date.now() + 30 * 3_600_000).toISOString(),
        customer: { firstName: 'Cita', idNumber: 'CT-9002' },
      },
    },
    notifications: { existingId: notificationId, update: { readAt: null } },
    break_caps: { create: { state: 'documenting', maxMinutes: 30 }, update: { maxMinutes: 45 } },
    alert_rules: {
      create: {
        serviceId: ids.C,
        slaBreach: true,
        queueLengthMax: 8,
        unservedAfterSeconds: 120,
        breakOverCap: true,
        stuckWork: true,
      },
      update: { queueLengthMax: 12 },
    },
  };
}
