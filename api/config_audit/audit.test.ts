// Issue 19: "who changed a service's SLA or a branch's policy, and when, is not recorded
// anywhere". Every create, update and delete of configuration is now in the audit log with its
// author, time, the record before and after and the fields that changed; credentials never are;
// an edit that changes nothing and a refused one leave no entry; each reader sees their reach.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppStack, type AppStack, type ApiClient } from '../../tests/support/app-stack.js';

let app: AppStack;
let admin: ApiClient;
let centro: number;
let norte: number;

beforeAll(async () => {
  app = await createAppStack();
  admin = await app.login('admin@andino.demo');
  centro = (await app.db('branches').where({ code: 'CEN' }).first('id')).id;
  norte = (await app.db('branches').whereNot({ code: 'CEN' }).first('id')).id;
});
afterAll(() => app?.closeAll());

type Entry = {
  resource: string;
  recordId: number;
  action: string;
  actorName: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  changed: string[];
  at: string;
  branchId: number | null;
};
const entriesOf = async (who: ApiClient, resource: string, recordId: number): Promise<Entry[]> => {
  const filter = encodeURIComponent(JSON.stringify({ resource, recordId }));
  const res = await who.request('GET', `/api/config_audit?filter=${filter}`);
  expect(res.status).toBe(200);
  return res.body as Entry[];
};

describe('the configuration audit log', () => {
  it("records a service's SLA change with who, when, before and after — and only the field that changed", async () => {
    const service = await app.db('services').where({ branch_id: centro }).first('id', 'sla_target_seconds', 'name');
    const target = service.sla_target_seconds + 60;
    const started = Date.now();
    const res = await admin.request('PUT', `/api/services/${service.id}`, { slaTargetSeconds: target });
    expect(res.status).toBe(200);

    const [entry, ...rest] = await entriesOf(admin, 'services', service.id);
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({
      action: 'update',
      actorName: 'Admin Andino',
      branchId: centro,
      changed: ['slaTargetSeconds'],
      before: { slaTargetSeconds: service.sla_target_seconds, name: service.name },
      after: { slaTargetSeconds: target, name: service.name },
    });
    expect(Date.parse(entry!.at)).toBeGreaterThanOrEqual(started - 1000);

    // The same value again changes nothing, and a refused edit stores nothing: no entry.
    expect((await admin.request('PUT', `/api/services/${service.id}`, { slaTargetSeconds: target })).status).toBe(200);
    expect((await admin.request('PUT', `/api/services/${service.id}`, { slaTargetSeconds: -5 })).status).toBe(400);
    expect(await entriesOf(admin, 'services', service.id)).toHaveLength(1);
  });

  it("records a branch's ordering policy change, and a create and a delete with the whole record", async () => {
    const res = await admin.request('PUT', `/api/branches/${centro}`, { orderingPolicy: 'fifo' });
    expect(res.status).toBe(200);
    const [policy] = await entriesOf(admin, 'branches', centro);
    expect(policy).toMatchObject({ action: 'update', branchId: centro, after: { orderingPolicy: 'fifo' } });
    expect(policy!.changed).toContain('orderingPolicy');

    const service = await app.db('services').where({ branch_id: centro }).first('id');
    const created = await admin.request('POST', '/api/topics', { serviceId: service.id, name: 'Reclamos' });
    expect(created.status).toBe(201);
    const topicId = created.body.id as number;
    expect((await admin.request('DELETE', `/api/topics/${topicId}`)).status).toBe(200);
    const [deleted, made] = await entriesOf(admin, 'topics', topicId);
    expect(made).toMatchObject({ action: 'create', before: null, after: { name: 'Reclamos', serviceId: service.id } });
    expect(made!.changed).toEqual(['id', 'name', 'serviceId']);
    // The topic's branch comes from its service: its branch's supervisor sees it.
    expect(deleted).toMatchObject({ action: 'delete', branchId: centro, before: { name: 'Reclamos' }, after: null });
  });

  it('never keeps a password or a secret', async () => {
    const created = await admin.request('POST', '/api/users', {
      email: 'audited@andino.demo',
      password: 'una-clave-larga-2026',
      firstName: 'Aud',
      lastName: 'Itada',
      branchId: centro,
    });
    expect(created.status).toBe(201);
    const id = created.body.id as number;
    expect((await admin.request('PUT', `/api/users/${id}`, { password: 'otra-clave-larga-2026' })).status).toBe(200);
    const rows = await app.db('config_audit').where({ resource: 'users', record_id: id }).orderBy('id');
    // The new password is on the log as a change, never its value nor its hash.
    expect(rows.map((r) => [r.action, r.changed])).toEqual([
      ['create', expect.arrayContaining(['email', 'firstName'])],
      ['update', ['password']],
    ]);
    expect(JSON.stringify(rows.map((r) => [r.before, r.after]))).not.toMatch(/password|clave|argon/i);

    const hook = await admin.request('POST', '/api/webhooks', {
      url: 'https://hooks.example.com/ventanilla',
      secret: 'secreto-de-prueba-0123456789',
    });
    expect(hook.status).toBe(201);
    const [entry] = await entriesOf(admin, 'webhooks', hook.body.id as number);
    expect(entry!.after).toMatchObject({ url: 'https://hooks.example.com/ventanilla' });
    expect(JSON.stringify(entry)).not.toContain('secreto-de-prueba');
  });

  it("a branch supervisor reads their branch's entries only; an agent none, and nobody rewrites it", async () => {
    const desk = await app.db('desks').where({ branch_id: norte }).first('id', 'name');
    expect((await admin.request('PUT', `/api/desks/${desk.id}`, { name: `${desk.name} (auditado)` })).status).toBe(200);
    const sup = await app.login('supervisor@andino.demo');
    const all = (await sup.request('GET', '/api/config_audit')).body as Entry[];
    expect(all.length).toBeGreaterThan(0);
    expect(all.every((e) => e.branchId === centro)).toBe(true);
    expect(await entriesOf(sup, 'desks', desk.id)).toEqual([]);
    expect(await entriesOf(admin, 'desks', desk.id)).toHaveLength(1);

    const agent = await app.login('ana@andino.demo');
    expect((await agent.request('GET', '/api/config_audit')).status).toBe(403);
    const id = all[0]!;
    const del = await admin.request('DELETE', `/api/config_audit/${(id as unknown as { id: number }).id}`);
    expect(del.status).toBe(403);
    expect(del.body.code).toBe('NotWritable');
  });
});
