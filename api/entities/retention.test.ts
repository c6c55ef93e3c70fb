// Issue 18: an entity's retention of customer data is set by its admin in the back office:
// months within 1–1200, or none (kept); anything else is refused field by field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppStack, type AppStack, type ApiClient } from '../../tests/support/app-stack.js';

let app: AppStack;
let admin: ApiClient;
let entityId: number;

beforeAll(async () => {
  app = await createAppStack();
  admin = await app.login('admin@andino.demo');
  entityId = (await admin.request('GET', '/api/profile')).body.entityId;
});
afterAll(() => app?.closeAll());

describe('retention of customer data, per entity', () => {
  it('is kept by default, set in months, and cleared again; the name stays as it was', async () => {
    const before = (await admin.request('GET', `/api/entities/${entityId}`)).body;
    expect(before.retentionMonths).toBeNull();
    const set = await admin.request('PUT', `/api/entities/${entityId}`, { retentionMonths: 24 });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ retentionMonths: 24, name: before.name });
    expect(await app.db('entities').where({ id: entityId }).first('retention_months')).toEqual({
      retention_months: 24,
    });
    const cleared = await admin.request('PUT', `/api/entities/${entityId}`, { retentionMonths: null });
    expect(cleared.body.retentionMonths).toBeNull();
  });

  it('refuses a period outside 1–1200 months, and anyone but an admin', async () => {
    for (const bad of [0, 1201, 2.5, '12']) {
      const res = await admin.request('PUT', `/api/entities/${entityId}`, { retentionMonths: bad });
      expect(res.status).toBe(400);
      expect(Object.keys(res.body.fields)).toEqual(['retentionMonths']);
    }
    const sup = await app.login('supervisor@andino.demo');
    expect((await sup.request('PUT', `/api/entities/${entityId}`, { retentionMonths: 6 })).status).toBe(403);
    expect(await app.db('entities').where({ id: entityId }).first('retention_months')).toEqual({
      retention_months: null,
    });
  });
});
