// G3/G6: every back-office resource speaks ra-data-simple-rest (sort, range, filter, getMany,
// getManyReference, Content-Range, CRUD), and bad input is a 4xx that changes nothing.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppStack, type ApiClient, type AppStack } from '../../tests/support/app-stack.js';

let app: AppStack;
let admin: ApiClient;
const q = (o: Record<string, unknown>) =>
  Object.entries(o)
    .map(([k, v]) => `${k}=${encodeURIComponent(JSON.stringify(v))}`)
    .join('&');

beforeAll(async () => {
  app = await createAppStack();
  admin = await app.login('admin@andino.demo');
});
afterAll(() => app?.closeAll());

/** For each resource: a valid new row, an edit, and a foreign key for getManyReference. */
const RESOURCES: {
  name: string;
  sortBy: string;
  create?: () => Promise<Record<string, unknown>>;
  edit?: Record<string, unknown>;
  reference?: [string, () => Promise<number>];
}[] = [
  { name: 'entities', sortBy: 'name', edit: { name: 'Banco Andino S.A.' } },
  {
    name: 'branches',
    sortBy: 'code',
    create: async () => ({ name: 'Sucursal Sur', code: 'SUR' }),
    edit: { orderingPolicy: 'age_boost' },
  },
  {
    name: 'departments',
    sortBy: 'name',
    create: async () => ({ branchId: await branchId('NOR'), name: 'Seguros' }),
    edit: { name: 'Seguros y pólizas' },
    reference: ['branchId', () => branchId('CEN')],
  },
  {
    name: 'services',
    sortBy: 'label',
    create: async () => ({ departmentId: await departmentId('NOR'), name: 'Seguros', label: 'S' }),
    edit: { slaTargetSeconds: 600 },
    reference: ['branchId', () => branchId('CEN')],
  },
  {
    name: 'topics',
    sortBy: 'name',
    create: async () => ({ serviceId: await serviceId('CEN', 'C'), name: 'Consignación' }),
    edit: { name: 'Consignaciones' },
    reference: ['serviceId', () => serviceId('CEN', 'C')],
  },
  { name: 'priorities', sortBy: 'level', create: async () => ({ name: 'VIP', level: 3 }), edit: { level: 4 } },
  {
    name: 'desks',
    sortBy: 'name',
    create: async () => ({ branchId: await branchId('NOR'), name: 'Módulo 9' }),
    edit: { name: 'Módulo 10' },
    reference: ['branchId', () => branchId('NOR')],
  },
  {
    name: 'users',
    sortBy: 'lastName',
    create: async () => ({
      email: 'nuevo@andino.demo',
      password: 'una-clave-larga',
      firstName: 'Nuevo',
      lastName: 'Agente',
      branchId: await branchId('NOR'),
    }),
    edit: { phone: '+57 300 000 0000' },
    reference: ['branchId', () => branchId('CEN')],
  },
  {
    name: 'service_assignments',
    sortBy: 'id',
    create: async () => {
      // Elena already serves both NOR services: free one so it can be assigned again.
      const b = { userId: await userId('elena'), serviceId: await serviceId('NOR', 'A'), kind: 'support' };
      await app.db('service_assignments').where({ user_id: b.userId, service_id: b.serviceId }).delete();
      return b;
    },
    edit: { kind: 'main' },
    reference: ['userId', () => userId('ana')],
  },
  {
    name: 'customers',
    sortBy: 'lastName',
    create: async () => ({ firstName: 'Rosa', lastName: 'Elvira', idNumber: '5556667' }),
    edit: { phone: '+57 300 123 4567' },
  },
  {
    name: 'appointments',
    sortBy: 'scheduledAt',
    create: async () => ({
      serviceId: await serviceId('CEN', 'A'),
      scheduledAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
      customer: { firstName: 'Cita', lastName: 'Prueba' },
    }),
    reference: ['branchId', () => branchId('CEN')],
  },
  { name: 'notifications', sortBy: 'createdAt' },
  {
    name: 'webhooks',
    sortBy: 'id',
    create: async () => ({ url: 'https://example.test/hook', secret: 'a-very-secret-value' }),
    edit: { active: false },
  },
  {
    name: 'break_caps',
    sortBy: 'state',
    create: async () => ({ state: 'documenting', maxMinutes: 30 }),
    edit: { maxMinutes: 45 },
  },
];

/** A second row of the same kind must not collide with the first on unique columns. */
const uniquify = async (name: string, b: Record<string, unknown>): Promise<Record<string, unknown>> => {
  if (name === 'break_caps') await app.db('break_caps').where({ state: b.state }).delete();
  if (name === 'service_assignments')
    await app.db('service_assignments').where({ user_id: b.userId, service_id: b.serviceId }).delete();
  return {
    ...b,
    ...(typeof b.name === 'string' ? { name: `${b.name} 2` } : {}),
    ...(name === 'branches' ? { code: 'SUR2' } : name === 'services' ? { label: 'SS' } : {}),
    ...(name === 'users' ? { email: 'otro@andino.demo' } : name === 'customers' ? { idNumber: '5556668' } : {}),
  };
};
const branchId = async (code: string) => (await app.db('branches').where({ code }).first('id')).id as number;
const departmentId = async (code: string) =>
  (
    await app
      .db('departments')
      .where({ branch_id: await branchId(code) })
      .first('id')
  ).id as number;
const serviceId = async (code: string, label: string) =>
  (
    await app
      .db('services')
      .where({ branch_id: await branchId(code), label })
      .first('id')
  ).id as number;
const userId = async (first: string) =>
  (
    await app
      .db('users')
      .where({ email: `${first}@andino.demo` })
      .first('id')
  ).id as number;

describe.each(RESOURCES)('G3 react-admin contract: /api/$name', ({ name, sortBy, create, edit, reference }) => {
  it('lists with sort, range and Content-Range; getMany by ids; getManyReference by foreign key', async () => {
    if (create) expect((await admin.request('POST', `/api/${name}`, await create())).status).toBe(201);
    const all = await admin.request('GET', `/api/${name}?${q({ sort: [sortBy, 'ASC'], range: [0, 999], filter: {} })}`);
    expect(all.status).toBe(200);
    const total = all.body.length as number;
    expect(all.headers.get('content-range')).toBe(`${name} 0-${Math.max(total - 1, 0)}/${total}`);
    const page = await admin.request('GET', `/api/${name}?${q({ sort: [sortBy, 'DESC'], range: [1, 1] })}`);
    expect(page.headers.get('content-range')).toMatch(new RegExp(`^${name} 1-\\d+/${total}$`));
    if (total > 1) expect(page.body).toHaveLength(1);
    if (total === 0) return;
    const ids = all.body.slice(0, 2).map((r: { id: number }) => r.id);
    const many = await admin.request('GET', `/api/${name}?${q({ filter: { id: ids } })}`);
    expect(many.body.map((r: { id: number }) => r.id).sort()).toEqual([...ids].sort());
    if (reference) {
      const [field, value] = reference;
      const v = await value();
      const refd = await admin.request('GET', `/api/${name}?${q({ filter: { [field]: v } })}`);
      expect(refd.status).toBe(200);
      expect(refd.body.length).toBeGreaterThan(0);
      for (const row of refd.body) expect(row[field]).toBe(v);
    }
    for (const row of all.body) expect(Object.keys(row).some((k) => k.includes('_'))).toBe(false); // camelCase only
  });

  it('gets, updates and deletes one row; unknown ids are 404', async () => {
    const list = await admin.request('GET', `/api/${name}?${q({ sort: ['id', 'DESC'], range: [0, 0] })}`);
    if (!list.body.length) return;
    const row = list.body[0];
    expect((await admin.request('GET', `/api/${name}/${row.id}`)).body).toEqual(row);
    if (edit) {
      const put = await admin.request('PUT', `/api/${name}/${row.id}`, { ...row, ...edit }); // react-admin sends the whole record
      expect(put.status, JSON.stringify(put.body)).toBe(200);
      expect(put.body).toMatchObject(edit);
    }
    expect((await admin.request('GET', `/api/${name}/987654`)).status).toBe(404);
    if (create && name !== 'appointments') {
      const fresh = await admin.request('POST', `/api/${name}`, await create().then((b) => uniquify(name, b)));
      expect(fresh.status, JSON.stringify(fresh.body)).toBe(201);
      const del = await admin.request('DELETE', `/api/${name}/${fresh.body.id}`);
      expect(del.status).toBe(200);
      expect(del.body.id).toBe(fresh.body.id);
      expect((await admin.request('GET', `/api/${name}/${fresh.body.id}`)).status).toBe(404);
    }
    expect((await admin.request('GET', `/api/${name}/not-a-number`)).status).toBe(404);
    expect((await admin.request('DELETE', `/api/${name}/987654`)).status).toBe(404);
  });
});

describe('G3 writes refuse bad input and change nothing', () => {
  const BAD: [string, unknown, string][] = [
    ['branches', { name: 'X', code: 'lower case' }, 'code'],
    ['branches', { name: 'Sucursal Y', code: 'YY', timezone: 'Mars/Olympus' }, 'timezone'],
    ['departments', { branchId: 'abc', name: 'D' }, 'branchId'],
    ['services', { departmentId: 1, name: 'S', label: 'toolong' }, 'label'],
    ['topics', { serviceId: -1, name: 'T' }, 'serviceId'],
    ['priorities', { name: 'P', level: 42 }, 'level'],
    ['desks', { branchId: 1, name: '' }, 'name'],
    ['users', { email: 'not-an-email', password: 'short', firstName: 'A', lastName: 'B' }, 'email'],
    ['service_assignments', { userId: 1, serviceId: 1, kind: 'boss' }, 'kind'],
    ['customers', { firstName: '', idNumber: "1'; drop table customers;--" }, 'firstName'],
    ['appointments', { serviceId: 1, scheduledAt: 'tomorrow' }, 'scheduledAt'],
    ['webhooks', { url: 'ftp://example.test/x', secret: 'a-very-secret-value' }, 'url'],
    ['webhooks', { url: 'https://example.test/x', secret: 'short' }, 'secret'],
    ['break_caps', { state: 'online', maxMinutes: 10 }, 'state'],
  ];
  it.each(BAD)('POST /api/%s %j → 400 with a message for %s', async (name, body, field) => {
    const before = await app.db(name).count({ n: '*' });
    const res = await admin.request('POST', `/api/${name}`, body);
    expect(res.status).toBe(400);
    expect(res.body.fields).toHaveProperty(field);
    expect(await app.db(name).count({ n: '*' })).toEqual(before);
  });

  it('malformed JSON, wrong types, unknown fields, bad list params, huge bodies: 4xx, never 500', async () => {
    expect((await admin.request('POST', '/api/desks', '{"name": ')).status).toBe(400);
    expect((await admin.request('POST', '/api/desks', { name: 'M', branchId: 1, extra: true })).status).toBe(400);
    expect((await admin.request('PUT', '/api/desks/1', [1, 2, 3])).status).toBe(400);
    expect(
      (await admin.request('GET', `/api/desks?sort=${encodeURIComponent('["password_hash","ASC"]')}`)).status,
    ).toBe(400);
    expect((await admin.request('GET', `/api/desks?${q({ filter: { nope: 1 } })}`)).status).toBe(400);
    expect((await admin.request('GET', '/api/desks?range=[0')).status).toBe(400);
    expect((await admin.request('GET', `/api/users?${q({ filter: { q: "' or 1=1 --" } })}`)).status).toBe(200);
    expect((await admin.request('GET', `/api/desks/99999999999`)).status).toBe(404);
    const huge = await admin.request('POST', '/api/customers', { firstName: 'x'.repeat(150_000) });
    expect(huge.status).toBe(413);
  });

  it('changing a read-only field echoed by react-admin is refused', async () => {
    const desk = (await admin.request('GET', '/api/desks?range=[0,0]')).body[0];
    const res = await admin.request('PUT', `/api/desks/${desk.id}`, { ...desk, branchId: desk.branchId + 1 });
    expect(res.status).toBe(400);
    expect(res.body.fields).toHaveProperty('branchId');
  });

  it('deleting a row still referenced is a 409 that names what still uses it', async () => {
    const res = await admin.request('DELETE', `/api/branches/${await branchId('CEN')}`);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      error: 'Conflict',
      code: 'StillReferenced',
      params: { by: expect.stringMatching(/^[a-z_]+$/) },
    });
  });

  it('a repeated POST with the same Idempotency-Key creates one row', async () => {
    const headers = { 'Idempotency-Key': 'desk-create-0001' };
    const body = { branchId: await branchId('NOR'), name: 'Módulo idempotente' };
    const a = await admin.request('POST', '/api/desks', body, headers);
    const b = await admin.request('POST', '/api/desks', body, headers);
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.body.id).toBe(a.body.id);
    expect(b.headers.get('idempotent-replayed')).toBe('true');
    expect(await app.db('desks').where({ name: 'Módulo idempotente' }).count({ n: '*' })).toEqual([{ n: 1 }]);
    const other = await admin.request('POST', '/api/desks', { ...body, name: 'Otro' }, headers);
    expect(other.status).toBe(422);
  });
});

describe('issue 12: input hygiene on every CRUD text field, and references within reach', () => {
  it('a time zone PostgreSQL does not know (US/Pacific-New, which ICU still accepts) is 400 invalid_timezone', async () => {
    const created = await admin.request('POST', '/api/branches', {
      name: 'Sucursal Pacífico',
      code: 'PAC',
      timezone: 'US/Pacific-New',
    });
    expect(created.status).toBe(400);
    expect(created.body).toMatchObject({
      error: 'Validation',
      code: 'Validation',
      fields: { timezone: { code: 'invalid_timezone' } },
    });
    const nor = await branchId('NOR');
    const edited = await admin.request('PUT', `/api/branches/${nor}`, { timezone: 'US/Pacific-New' });
    expect(edited.body.fields).toEqual({ timezone: { code: 'invalid_timezone' } });
    expect((await app.db('branches').where({ id: nor }).first('timezone')).timezone).toBe('America/Bogota');
    expect((await admin.request('PUT', `/api/branches/${nor}`, { timezone: 'America/Lima' })).status).toBe(200);
    expect((await admin.request('PUT', `/api/branches/${nor}`, { timezone: 'America/Bogota' })).status).toBe(200);
  });

  const BAD_TEXT: [string, string, () => Promise<Record<string, unknown>>][] = [
    ['branches', 'name', async () => ({ code: 'NUL' })],
    ['departments', 'name', async () => ({ branchId: await branchId('NOR') })],
    ['services', 'name', async () => ({ departmentId: await departmentId('NOR'), label: 'N' })],
    ['topics', 'name', async () => ({ serviceId: await serviceId('NOR', 'A') })],
    ['priorities', 'name', async () => ({ level: 5 })],
    ['desks', 'name', async () => ({ branchId: await branchId('NOR') })],
    [
      'users',
      'lastName',
      async () => ({
        email: 'nul@andino.demo',
        password: 'una-clave-larga',
        firstName: 'Nul',
        branchId: await branchId('NOR'),
      }),
    ],
    ['customers', 'lastName', async () => ({ firstName: 'Nul' })],
    ['webhooks', 'url', async () => ({ secret: 'a-very-secret-value' })],
  ];
  it.each(BAD_TEXT)(
    'POST /api/%s with NUL, a control character or a lone surrogate in %s: 400 invalid_text, nothing written',
    async (name, field, rest) => {
      for (const bad of ['Nombre\u0000x', 'Nombre\u0007x', 'Nombre\ud800x']) {
        const before = await app.db(name).count({ n: '*' });
        const res = await admin.request('POST', `/api/${name}`, { ...(await rest()), [field]: bad });
        expect(res.status, JSON.stringify(res.body)).toBe(400);
        expect(res.body.fields[field]).toEqual({ code: 'invalid_text' });
        expect(await app.db(name).count({ n: '*' })).toEqual(before);
      }
    },
  );

  it('a NUL in an edit is refused the same way; text is stored trimmed and NFC', async () => {
    const desk = (
      await app
        .db('desks')
        .where({ branch_id: await branchId('NOR') })
        .first('id')
    ).id as number;
    const nul = await admin.request('PUT', `/api/desks/${desk}`, { name: 'M\u0000' });
    expect(nul.body).toMatchObject({ code: 'Validation', fields: { name: { code: 'invalid_text' } } });
    const decomposed = '  Módulo Peña  '.normalize('NFD');
    const ok = await admin.request('PUT', `/api/desks/${desk}`, { name: decomposed });
    expect(ok.status).toBe(200);
    expect((await app.db('desks').where({ id: desk }).first('name')).name).toBe('Módulo Peña'.normalize('NFC'));
  });

  it('a reference outside reach is unknown_reference; one of another branch, other_branch', async () => {
    const unknown = await admin.request('POST', '/api/desks', { branchId: 987654, name: 'Fantasma' });
    expect(unknown.body).toMatchObject({ code: 'Validation', fields: { branchId: { code: 'unknown_reference' } } });
    const cenService = await serviceId('CEN', 'A');
    const moved = await admin.request('PUT', `/api/services/${cenService}`, {
      departmentId: await departmentId('NOR'),
    });
    expect(moved.body).toMatchObject({ code: 'Validation', fields: { departmentId: { code: 'other_branch' } } });
    const topic = (await app.db('topics').where({ service_id: cenService }).first('id')).id as number;
    const topicMoved = await admin.request('PUT', `/api/topics/${topic}`, { serviceId: await serviceId('NOR', 'A') });
    expect(topicMoved.body).toMatchObject({ code: 'Validation', fields: { serviceId: { code: 'other_branch' } } });
    const assigned = await admin.request('POST', '/api/service_assignments', {
      userId: await userId('ana'),
      serviceId: await serviceId('NOR', 'C'),
      kind: 'main',
    });
    expect(assigned.body).toMatchObject({ code: 'Validation', fields: { serviceId: { code: 'other_branch' } } });
    const user = await admin.request('PUT', `/api/users/${await userId('ana')}`, { branchId: 987654 });
    expect(user.body).toMatchObject({ code: 'Validation', fields: { branchId: { code: 'unknown_reference' } } });
  });
});

describe('G3 property: any body on a write route is answered, never a 500, and a refusal writes nothing', () => {
  const value = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constant('1; drop table users'),
    fc.array(fc.integer(), { maxLength: 3 }),
  );
  const bodies = (keys: string[]) =>
    fc.oneof(fc.dictionary(fc.constantFrom(...keys, 'id', 'entityId', 'extra'), value), fc.jsonValue());
  it.each([
    ['desks', ['branchId', 'name']],
    ['services', ['departmentId', 'name', 'label', 'callTimeoutSeconds', 'virtualEnabled']],
    ['users', ['email', 'password', 'role', 'firstName', 'lastName', 'branchId', 'phone']],
    ['customers', ['firstName', 'lastName', 'email', 'idNumber', 'phone']],
    ['webhooks', ['url', 'secret', 'events', 'active']],
  ])('POST /api/%s', async (name, keys) => {
    await fc.assert(
      fc.asyncProperty(bodies(keys), async (body) => {
        const before = await app.db(name).count({ n: '*' });
        const res = await admin.request('POST', `/api/${name}`, body);
        expect([201, 400, 409, 413]).toContain(res.status);
        if (res.status !== 201) expect(await app.db(name).count({ n: '*' })).toEqual(before);
      }),
      { numRuns: 40 },
    );
  });

  it('PUT /api/branches/:id', async () => {
    const id = await branchId('NOR');
    await fc.assert(
      fc.asyncProperty(
        bodies(['name', 'code', 'timezone', 'orderingPolicy', 'interleaveRatio', 'checkInWindowMinutes']),
        async (body) => {
          const res = await admin.request('PUT', `/api/branches/${id}`, body);
          expect([200, 400, 409]).toContain(res.status);
        },
      ),
      { numRuns: 40 },
    );
    expect(await app.db('branches').where({ id }).first('entity_id')).toEqual({
      entity_id: (await app.db('entities').where({ slug: 'andino' }).first('id')).id,
    });
  });
});

describe('B2 agents list with their live state', () => {
  it("shows each agent's open shift state and desk; react-admin may echo them back on PUT", async () => {
    const ana = await userId('ana');
    const desk = (
      await app
        .db('desks')
        .where({ branch_id: await branchId('CEN') })
        .first('id')
    ).id as number;
    await app.db('shifts').insert({
      id: '00000000-0000-4000-8000-00000000b002',
      user_id: ana,
      branch_id: await branchId('CEN'),
      desk_id: desk,
      state: 'lunch',
      state_since: new Date(),
      started_at: new Date(),
      workflow_id: 'shift-b2-test',
    });
    const list = await admin.request('GET', `/api/users?${q({ filter: { id: [ana, await userId('bruno')] } })}`);
    const byId = Object.fromEntries(list.body.map((u: { id: number }) => [u.id, u]));
    expect(byId[ana]).toMatchObject({ shiftState: 'lunch', shiftDeskId: desk });
    expect(byId[await userId('bruno')]).toMatchObject({ shiftState: null });
    const put = await admin.request('PUT', `/api/users/${ana}`, {
      ...byId[ana],
      shiftState: 'online',
      lastName: 'Restrepo Díaz',
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body).toMatchObject({ lastName: 'Restrepo Díaz', shiftState: 'lunch' });
    await app.db('shifts').where({ workflow_id: 'shift-b2-test' }).delete();
  });
});
