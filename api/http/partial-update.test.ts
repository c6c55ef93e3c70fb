// Issue 12, "an edit changes only what it names": for every editable CRUD resource, a record is
// created with a non-default value in every editable field; then, again and again, one field
// picked at random gets a new valid value (PUT as react-admin sends it, or PATCH), and every
// other column of the row must be exactly as it was. Defaults in an update schema (a renamed
// branch back to FIFO, a supervisor demoted by a phone change…) fail this at once.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppStack, type ApiClient, type AppStack } from '../../tests/support/app-stack.js';

let app: AppStack;
let admin: ApiClient;

beforeAll(async () => {
  app = await createAppStack();
  admin = await app.login('admin@andino.demo');
});
afterAll(() => app?.closeAll());

type Body = Record<string, unknown>;
interface Editable {
  /** A body with a non-default value in every editable field (run once). */
  create: () => Promise<Body>;
  /** Each editable field with the valid values it may take (as the API stores them). */
  edits: () => Promise<Record<string, fc.Arbitrary<unknown>>>;
  /** Resources that cannot be created through the API: the row to edit. */
  existing?: () => Promise<number>;
  /** Write-only fields: compared in the row, not in the answer. */
  writeOnly?: string[];
}

const branchId = async (code: string) => (await app.db('branches').where({ code }).first('id')).id as number;
const idsOf = async (table: string, where: Body) =>
  (await app.db(table).where(where).orderBy('id').pluck('id')) as number[];
const n = fc.integer({ min: 1000, max: 99_999_999 });
const word = (prefix: string) => n.map((i) => `${prefix} ${i}`);
const column = (field: string) =>
  field === 'password' ? 'password_hash' : field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

const RESOURCES: Record<string, Editable> = {
  entities: {
    create: async () => ({}),
    existing: async () => (await app.db('entities').where({ slug: 'andino' }).first('id')).id as number,
    edits: async () => ({ name: word('Banco') }),
  },
  branches: {
    create: async () => ({
      name: 'Sucursal Parcial',
      code: 'PAR',
      timezone: 'America/Lima',
      orderingPolicy: 'interleave',
      interleaveRatio: 5,
      ageBoostMinutes: 25,
      checkInWindowMinutes: 30,
    }),
    edits: async () => ({
      name: word('Sucursal'),
      code: n.map((i) => `P${i}`),
      timezone: fc.constantFrom('America/Bogota', 'America/Lima', 'Europe/Madrid', 'UTC'),
      orderingPolicy: fc.constantFrom('fifo', 'priority', 'interleave', 'age_boost'),
      interleaveRatio: fc.integer({ min: 1, max: 20 }),
      ageBoostMinutes: fc.integer({ min: 1, max: 240 }),
      checkInWindowMinutes: fc.integer({ min: 0, max: 240 }),
    }),
  },
  departments: {
    create: async () => ({ branchId: await branchId('NOR'), name: 'Departamento parcial' }),
    edits: async () => ({ name: word('Departamento') }),
  },
  desks: {
    create: async () => ({ branchId: await branchId('NOR'), name: 'Módulo parcial' }),
    edits: async () => ({ name: word('Módulo') }),
  },
  services: {
    create: async () => ({
      departmentId: (await idsOf('departments', { branch_id: await branchId('CEN') }))[0],
      name: 'Servicio parcial',
      label: 'QPA',
      callTimeoutSeconds: 300,
      maxAutoRequeues: 3,
      slaTargetSeconds: 1200,
      maxAttentionMinutes: 90,
      virtualEnabled: true,
      active: false,
    }),
    edits: async () => ({
      departmentId: fc.constantFrom(...(await idsOf('departments', { branch_id: await branchId('CEN') }))),
      name: word('Servicio'),
      label: fc.stringMatching(/^Q[A-Z]{2,3}$/),
      callTimeoutSeconds: fc.integer({ min: 10, max: 3600 }),
      maxAutoRequeues: fc.integer({ min: 0, max: 10 }),
      slaTargetSeconds: fc.integer({ min: 30, max: 86_400 }),
      maxAttentionMinutes: fc.integer({ min: 1, max: 1440 }),
      virtualEnabled: fc.boolean(),
      active: fc.boolean(),
    }),
  },
  topics: {
    create: async () => ({
      serviceId: (await idsOf('services', { branch_id: await branchId('CEN') }))[0],
      name: 'Tema parcial',
    }),
    edits: async () => ({
      serviceId: fc.constantFrom(...(await idsOf('services', { branch_id: await branchId('CEN') }))),
      name: word('Tema'),
    }),
  },
  priorities: {
    create: async () => ({ name: 'Prioridad parcial', level: 7 }),
    edits: async () => ({ name: word('Prioridad'), level: fc.integer({ min: 0, max: 9 }) }),
  },
  users: {
    // A deactivated supervisor with a phone: the three things the old defaults reset.
    create: async () => ({
      email: 'parcial@andino.demo',
      password: 'una-clave-parcial',
      role: 'supervisor',
      firstName: 'Paula',
      lastName: 'Parcial',
      phone: '+57 300 111 2222',
      branchId: await branchId('NOR'),
      active: false,
    }),
    edits: async () => ({
      email: n.map((i) => `parcial${i}@andino.demo`),
      password: n.map((i) => `otra-clave-${i}`),
      role: fc.constantFrom('agent', 'supervisor', 'admin'),
      firstName: word('Paula'),
      lastName: word('Parcial'),
      phone: fc.option(
        n.map((i) => `+57 ${i}`),
        { nil: null },
      ),
      branchId: fc.constantFrom(await branchId('NOR'), await branchId('CEN')),
      active: fc.boolean(),
    }),
    writeOnly: ['password'],
  },
  service_assignments: {
    create: async () => {
      // Fabio serves every service of his branch: free one to assign it again.
      const user = (await app.db('users').where({ email: 'fabio@andino.demo' }).first('id')) as { id: number };
      const [serviceId] = await app
        .db('service_assignments')
        .where({ user_id: user.id })
        .delete()
        .returning('service_id')
        .then((rows) => rows.map((r) => r.service_id as number));
      return { userId: user.id, serviceId, kind: 'support' };
    },
    edits: async () => ({ kind: fc.constantFrom('main', 'support') }),
  },
  customers: {
    create: async () => ({
      firstName: 'Carmen',
      lastName: 'Parcial',
      email: 'carmen@parcial.test',
      idNumber: 'PAR-1',
      phone: '+57 310 000 0000',
    }),
    edits: async () => ({
      firstName: word('Carmen'),
      lastName: word('Parcial'),
      email: fc.option(
        n.map((i) => `c${i}@parcial.test`),
        { nil: null },
      ),
      idNumber: fc.option(
        n.map((i) => `PAR-${i}`),
        { nil: null },
      ),
      phone: fc.option(
        n.map((i) => `+57 ${i}`),
        { nil: null },
      ),
    }),
  },
  webhooks: {
    create: async () => ({
      url: 'https://hooks.parcial.test/a',
      secret: 'a-partial-secret-value',
      events: ['ticket.created', 'ticket.called'],
      active: false,
    }),
    edits: async () => ({
      url: n.map((i) => `https://hooks.parcial.test/${i}`),
      secret: n.map((i) => `secret-value-number-${i}`),
      events: fc.uniqueArray(fc.constantFrom('ticket.created', 'ticket.called', 'ticket.finished', 'shift.state'), {
        maxLength: 4,
      }),
      active: fc.boolean(),
    }),
    writeOnly: ['secret'],
  },
  break_caps: {
    create: async () => {
      await app.db('break_caps').delete(); // one cap per state and entity: free them all
      return { state: 'documenting', maxMinutes: 33 };
    },
    edits: async () => ({
      state: fc.constantFrom('resting', 'lunch', 'documenting'),
      maxMinutes: fc.integer({ min: 1, max: 480 }),
    }),
  },
  notifications: {
    create: async () => ({}),
    existing: async () => {
      const admin = await app.db('users').where({ email: 'admin@andino.demo' }).first('id', 'entity_id');
      const [row] = await app
        .db('notifications')
        .insert({
          user_id: admin.id,
          entity_id: admin.entity_id,
          type: 'break_overrun',
          title: 'Pausa larga',
          body: 'Ana lleva 70 min en almuerzo',
          dedupe_key: 'partial-update',
          read_at: new Date('2026-01-02T03:04:05Z'),
        })
        .returning('id');
      return row.id as number;
    },
    edits: async () => ({
      readAt: fc.option(
        fc.integer({ min: 1_700_000_000, max: 1_900_000_000 }).map((s) => new Date(s * 1000).toISOString()),
        { nil: null },
      ),
    }),
  },
};

const row = async (table: string, id: number): Promise<Body> => {
  const { updated_at: _touched, ...rest } = (await app.db(table).where({ id }).first()) as Body;
  return rest;
};

describe.each(Object.entries(RESOURCES))('issue 12: an edit of /api/%s changes only what it names', (name, r) => {
  it('PUT or PATCH of one field leaves every other field as it was', async () => {
    let id: number;
    if (r.existing) id = await r.existing();
    else {
      const created = await admin.request('POST', `/api/${name}`, await r.create());
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      id = created.body.id as number;
    }
    const edits = await r.edits();
    const edit = fc
      .constantFrom(...Object.keys(edits))
      .chain((field) => fc.tuple(fc.constant(field), edits[field]!, fc.constantFrom('PUT', 'PATCH')));
    await fc.assert(
      fc.asyncProperty(edit, async ([field, value, method]) => {
        const before = await row(name, id);
        const res = await admin.request(method, `/api/${name}/${id}`, { [field]: value });
        expect(res.status, `${method} ${field}=${JSON.stringify(value)}: ${JSON.stringify(res.body)}`).toBe(200);
        if (!r.writeOnly?.includes(field)) expect(res.body[field]).toEqual(value);
        const after = await row(name, id);
        const { [column(field)]: _edited, ...othersBefore } = before;
        const { [column(field)]: _new, ...othersAfter } = after;
        expect(othersAfter, `${method} ${field} touched other fields`).toEqual(othersBefore);
      }),
      { numRuns: 30 },
    );
  });
});
