// Demo data: one entity, two branches, departments, services with labels and topics, desks,
// six agents with main and support services, a supervisor, an admin, the platform operator
// (issue 13, G7; home entity Banco Andino) and customers.
// Idempotent: once the demo entity exists it only adds the operator, whom demo data loaded
// before the role existed lacks.
import type { Db } from '../knex.js';
import { hashPassword } from '../../platform/passwords.js';

export const DEMO_PASSWORD = 'ventanilla2026';
export const DEMO_OPERATOR_EMAIL = 'operator@ventanilla.demo';
export const DEMO_LOGINS = [
  { email: DEMO_OPERATOR_EMAIL, role: 'operator (platform: Temporal Web UI)' },
  { email: 'admin@andino.demo', role: 'admin' },
  { email: 'supervisor@andino.demo', role: 'supervisor' },
  { email: 'ana@andino.demo', role: 'agent (Sucursal Centro)' },
  { email: 'elena@andino.demo', role: 'agent (Sucursal Norte)' },
] as const;

interface ServiceSeed {
  name: string;
  label: string;
  topics: string[];
  virtual?: boolean;
}
const BRANCHES: {
  name: string;
  code: string;
  policy: string;
  departments: Record<string, ServiceSeed[]>;
  desks: number;
}[] = [
  {
    name: 'Sucursal Centro',
    code: 'CEN',
    policy: 'interleave',
    desks: 5,
    departments: {
      Caja: [
        { name: 'Depósitos y retiros', label: 'C', topics: ['Depósito', 'Retiro', 'Cambio de divisas'] },
        { name: 'Pagos de servicios', label: 'P', topics: ['Servicios públicos', 'Impuestos'] },
      ],
      Asesoría: [
        { name: 'Cuentas', label: 'A', topics: ['Apertura de cuenta', 'Cierre de cuenta', 'Certificados'] },
        { name: 'Créditos', label: 'R', topics: ['Crédito de consumo', 'Hipotecario', 'Tarjeta de crédito'] },
        { name: 'Atención virtual', label: 'V', topics: ['Consulta general', 'Reclamo'], virtual: true },
      ],
    },
  },
  {
    name: 'Sucursal Norte',
    code: 'NOR',
    policy: 'priority',
    desks: 3,
    departments: {
      Caja: [{ name: 'Depósitos y retiros', label: 'C', topics: ['Depósito', 'Retiro'] }],
      Asesoría: [{ name: 'Cuentas', label: 'A', topics: ['Apertura de cuenta', 'Certificados'] }],
    },
  },
];

// [first, last, branch code, main labels, support labels]
const AGENTS: [string, string, string, string[], string[]][] = [
  ['Ana', 'Restrepo', 'CEN', ['C'], ['P']],
  ['Bruno', 'Cárdenas', 'CEN', ['C', 'P'], []],
  ['Carla', 'Montoya', 'CEN', ['A'], ['C']],
  ['Diego', 'Villalobos', 'CEN', ['R', 'V'], ['A']],
  ['Elena', 'Quintero', 'NOR', ['C'], ['A']],
  ['Fabio', 'Ospina', 'NOR', ['A'], ['C']],
];

const CUSTOMERS: [string, string, string, string][] = [
  ['María José', 'Gutiérrez Londoño', '1020304050', '+57 300 111 2233'],
  ['Juan Pablo', 'Hernández', '79888777', '+57 310 222 3344'],
  ['Luz Marina', 'Castaño de la Espriella', '43555666', '+57 315 333 4455'],
  ['Andrés Felipe', 'Rojas', '1098765432', '+57 320 444 5566'],
  ['Sofía', 'Valderrama', '1122334455', '+57 301 555 6677'],
  ['Jorge Eliécer', 'Bermúdez', '71222333', '+57 311 666 7788'],
];

export async function seedDemo(db: Db): Promise<boolean> {
  const seeded = await db('entities').where({ slug: 'andino' }).first('id');
  if (seeded) {
    await addOperator(db, seeded.id as number);
    return false;
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (trx) => {
    const [{ id: entityId }] = await trx('entities').insert({ name: 'Banco Andino', slug: 'andino' }).returning('id');
    await trx('priorities').insert([
      { entity_id: entityId, name: 'Normal', level: 0 },
      // Given by the booking, never chosen at the kiosk.
      { entity_id: entityId, name: 'Cita', level: 1, at_kiosk: false },
      { entity_id: entityId, name: 'Adulto mayor', level: 2 },
      { entity_id: entityId, name: 'Embarazada', level: 2 },
      { entity_id: entityId, name: 'Persona con discapacidad', level: 2 },
    ]);
    await trx('break_caps').insert([
      { entity_id: entityId, state: 'lunch', max_minutes: 60 },
      { entity_id: entityId, state: 'resting', max_minutes: 15 },
    ]);
    const services = new Map<string, number>(); // "CEN:C" -> id
    const branches = new Map<string, number>();
    for (const b of BRANCHES) {
      const [{ id: branchId }] = await trx('branches')
        .insert({ entity_id: entityId, name: b.name, code: b.code, ordering_policy: b.policy })
        .returning('id');
      branches.set(b.code, branchId);
      for (const [dept, list] of Object.entries(b.departments)) {
        const [{ id: departmentId }] = await trx('departments')
          .insert({ branch_id: branchId, name: dept })
          .returning('id');
        for (const s of list) {
          const [{ id: serviceId }] = await trx('services')
            .insert({
              branch_id: branchId,
              department_id: departmentId,
              name: s.name,
              label: s.label,
              virtual_enabled: s.virtual ?? false,
            })
            .returning('id');
          services.set(`${b.code}:${s.label}`, serviceId);
          await trx('topics').insert(s.topics.map((name) => ({ service_id: serviceId, name })));
        }
      }
      await trx('desks').insert(
        Array.from({ length: b.desks }, (_, i) => ({ branch_id: branchId, name: `Módulo ${i + 1}` })),
      );
    }
    const user = (first: string, last: string, role: string, branchCode: string | null) => ({
      entity_id: entityId,
      branch_id: branchCode ? branches.get(branchCode) : null,
      role,
      first_name: first,
      last_name: last,
      email: `${first.toLowerCase()}@andino.demo`,
      password_hash: passwordHash,
    });
    await trx('users').insert([
      { ...user('Admin', 'Andino', 'admin', null), email: 'admin@andino.demo' },
      { ...user('Sara', 'Molina', 'supervisor', 'CEN'), email: 'supervisor@andino.demo' },
      { ...user('Olga', 'Operaciones', 'operator', null), email: DEMO_OPERATOR_EMAIL },
    ]);
    for (const [first, last, code, main, support] of AGENTS) {
      const [{ id: userId }] = await trx('users')
        .insert(user(first, last, 'agent', code))
        .returning('id');
      const rows = [...main.map((l) => ({ l, kind: 'main' })), ...support.map((l) => ({ l, kind: 'support' }))].map(
        ({ l, kind }) => ({ user_id: userId, service_id: services.get(`${code}:${l}`), kind }),
      );
      await trx('service_assignments').insert(rows);
    }
    await trx('customers').insert(
      CUSTOMERS.map(([first_name, last_name, id_number, phone]) => ({
        entity_id: entityId,
        first_name,
        last_name,
        id_number,
        phone,
        email: `${first_name
          .split(' ')[0]!
          .toLowerCase()
          .normalize('NFD')
          .replace(/[^a-z]/g, '')}.${id_number.slice(-4)}@correo.demo`,
      })),
    );
  });
  return true;
}

/** The demo operator, for demo data loaded before the role existed (its e-mail is unique per entity). */
async function addOperator(db: Db, entityId: number): Promise<void> {
  if (await db('users').where({ entity_id: entityId }).whereRaw('lower(email) = ?', [DEMO_OPERATOR_EMAIL]).first('id'))
    return;
  await db('users')
    .insert({
      entity_id: entityId,
      branch_id: null,
      role: 'operator',
      first_name: 'Olga',
      last_name: 'Operaciones',
      email: DEMO_OPERATOR_EMAIL,
      password_hash: await hashPassword(DEMO_PASSWORD),
    })
    .onConflict()
    .ignore();
}
