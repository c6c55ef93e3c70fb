// Issue 12: no input wedges a workflow. Every write route of the OpenAPI list gets poison values
// (NUL, a lone surrogate, a 1 MB string, ids of another entity and of another branch, an invalid
// time zone) in each of its fields, and the deep paths that reached workflows and activities get
// them on an otherwise valid request. Each must be a 4xx with a stable code — a request that
// hangs fails (10 s guard; latency belongs in bench/). Afterwards no workflow has an activity
// attempt above 3, and the poisoned ticket still accepts its next valid steps.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../domain/errors.js';
import { createAppStack, type ApiClient, type AppStack } from '../tests/support/app-stack.js';
import { createOrg, type Org } from '../tests/support/fixtures.js';

let app: AppStack;
let admin: ApiClient;
let supervisor: ApiClient;
let ana: ApiClient;
let other: Org;
let ticketId: string;
let centro: { branchId: number; serviceId: number; deskIds: number[]; anaId: number };
let norte: { serviceId: number; deskId: number; agentId: number };

// Routes that end the suite's own sessions or are throttled by design.
const SKIP = new Set(['post /api/auth/logout', 'post /api/profile/password', 'post /api/auth/login']);
const GUARD_MS = 10_000;
const TEXT_POISONS: Record<string, string> = {
  nul: 'a\u0000b',
  lone_surrogate: 'a\ud800b',
  control: 'a\u0007b',
  '1mb': 'x'.repeat(1024 * 1024),
};

interface Answer {
  status: number;
  body: { code?: string; error?: string } | null;
  hung: boolean;
}

/** One request under the 10 s guard: a hang is an answer too (the worst one). */
async function send(client: ApiClient, method: string, path: string, body?: unknown): Promise<Answer> {
  let timer: NodeJS.Timeout | undefined;
  const guard = new Promise<Answer>((resolve) => {
    timer = setTimeout(() => resolve({ status: 0, body: null, hung: true }), GUARD_MS);
  });
  try {
    return await Promise.race([
      client
        .request(method, path, body)
        .then((r) => ({ status: r.status, body: r.body as Answer['body'], hung: false })),
      guard,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

const problems: string[] = [];
function expectRefused(what: string, a: Answer): void {
  if (a.hung) problems.push(`${what}: no answer within ${GUARD_MS} ms`);
  else if (a.status < 400 || a.status >= 500)
    problems.push(`${what}: ${a.status} ${JSON.stringify(a.body).slice(0, 160)}`);
  else if (!a.body?.code || !Object.hasOwn(ERROR_CODES, a.body.code))
    problems.push(`${what}: ${a.status} without a known code: ${JSON.stringify(a.body).slice(0, 160)}`);
}

beforeAll(async () => {
  app = await createAppStack();
  admin = await app.login('admin@andino.demo');
  supervisor = await app.login('supervisor@andino.demo');
  ana = await app.login('ana@andino.demo');
  other = await createOrg(app.db);
  const cen = await app.db('branches').where({ code: 'CEN' }).first('id');
  const nor = await app.db('branches').where({ code: 'NOR' }).first('id');
  const anaRow = await app.db('users').where({ email: 'ana@andino.demo' }).first('id');
  centro = {
    branchId: cen.id,
    anaId: anaRow.id,
    serviceId: (await app.db('services').where({ branch_id: cen.id, label: 'C' }).first('id')).id,
    deskIds: (await app.db('desks').where({ branch_id: cen.id }).orderBy('id').pluck('id')) as number[],
  };
  norte = {
    serviceId: (await app.db('services').where({ branch_id: nor.id }).first('id')).id,
    deskId: (await app.db('desks').where({ branch_id: nor.id }).first('id')).id,
    agentId: (await app.db('users').where({ email: 'elena@andino.demo' }).first('id')).id,
  };
  ticketId = (await supervisor.request('POST', '/api/tickets', { serviceId: centro.serviceId })).body.id;
}, 120_000);
afterAll(() => app?.closeAll());

type Schema = { type?: string | string[]; properties?: Record<string, Schema>; anyOf?: Schema[]; items?: Schema };
const isType = (s: Schema | undefined, t: string): boolean =>
  !!s && ((Array.isArray(s.type) ? s.type.includes(t) : s.type === t) || (s.anyOf ?? []).some((x) => isType(x, t)));

/** Poison values for one field, by its schema and name. */
function poisonsFor(name: string, s: Schema): [string, unknown][] {
  const out: [string, unknown][] = [];
  if (isType(s, 'string')) out.push(...Object.entries(TEXT_POISONS));
  if (/timezone/i.test(name)) out.push(['bad_timezone', 'US/Pacific-New']);
  if (/Id$/.test(name) && isType(s, 'integer')) {
    const foreign: Record<string, number> = {
      branchId: other.branchId,
      serviceId: other.services[0]!.id,
      deskId: other.deskIds[0]!,
      agentId: other.agents[0]!.id,
      userId: other.agents[0]!.id,
      departmentId: other.services[0]!.id,
      topicId: other.services[0]!.topicIds[0]!,
    };
    out.push(['other_entity', foreign[name] ?? 987654321]);
  }
  if (isType(s, 'array') && /Ids$/.test(name)) out.push(['other_entity', other.services[0]!.topicIds]);
  return out;
}

async function pathFor(template: string): Promise<string> {
  if (!template.includes('{')) return template;
  const resource = template.split('/')[2]!;
  if (resource === 'tickets') return template.replace(/\{[^}]+\}/g, ticketId);
  const real = await app
    .db(resource)
    .where((w) => w.where('id', '>', 0))
    .first('id')
    .catch(() => null);
  return template.replace(/\{[^}]+\}/g, String(real?.id ?? 987654321));
}

describe('issue 12: poison inputs are refused with a code and wedge nothing', () => {
  it('every write route: each field poisoned is a 4xx with a code, never a hang', async () => {
    const doc = (await admin.request('GET', '/api/docs/openapi.json')).body as {
      paths: Record<string, Record<string, { requestBody?: { content: { 'application/json': { schema: Schema } } } }>>;
    };
    let sent = 0;
    for (const [p, methods] of Object.entries(doc.paths)) {
      for (const [m, op] of Object.entries(methods)) {
        if (!['post', 'put', 'patch'].includes(m) || SKIP.has(`${m} ${p}`)) continue;
        const props = op.requestBody?.content['application/json'].schema.properties ?? {};
        const url = await pathFor(p);
        for (const [field, schema] of Object.entries(props)) {
          for (const [kind, value] of poisonsFor(field, schema)) {
            expectRefused(`${m} ${p} ${field}=${kind}`, await send(admin, m.toUpperCase(), url, { [field]: value }));
            sent += 1;
          }
        }
      }
    }
    expect(sent).toBeGreaterThan(150);
    expect(problems).toEqual([]);
  }, 600_000);

  it('the paths that reached workflows and activities: poison on an otherwise valid request', async () => {
    problems.length = 0;
    const t = `/api/tickets/${ticketId}`;
    for (const [kind, v] of Object.entries(TEXT_POISONS)) {
      expectRefused(`note ${kind}`, await send(supervisor, 'POST', `${t}/notes`, { text: v }));
      expectRefused(`customer edit ${kind}`, await send(supervisor, 'POST', `${t}/customer`, { firstName: v }));
      expectRefused(
        `new customer ${kind}`,
        await send(supervisor, 'POST', '/api/tickets', { serviceId: centro.serviceId, customer: { firstName: v } }),
      );
      expectRefused(`cancel reason ${kind}`, await send(supervisor, 'POST', `${t}/cancel`, { reason: v }));
      expectRefused(
        `transfer reason ${kind}`,
        await send(supervisor, 'POST', `${t}/transfer`, { serviceId: centro.serviceId, reason: v }),
      );
    }
    // References into another branch of the same entity, and into another entity.
    expectRefused(
      'call: agent and desk of another branch',
      await send(supervisor, 'POST', `${t}/call`, { agentId: norte.agentId, deskId: norte.deskId }),
    );
    expectRefused(
      'call (admin): agent and desk of another branch',
      await send(admin, 'POST', `${t}/call`, { agentId: norte.agentId, deskId: norte.deskId }),
    );
    expectRefused(
      'call: agent of this branch, desk of another',
      await send(admin, 'POST', `${t}/call`, { agentId: centro.anaId, deskId: norte.deskId }),
    );
    expectRefused(
      'call: agent of another entity',
      await send(admin, 'POST', `${t}/call`, { agentId: other.agents[0]!.id, deskId: other.deskIds[0]! }),
    );
    expectRefused(
      'transfer to a service of another branch',
      await send(admin, 'POST', `${t}/transfer`, { serviceId: norte.serviceId }),
    );
    expectRefused(
      'transfer to an agent of another branch',
      await send(admin, 'POST', `${t}/transfer`, { agentId: norte.agentId }),
    );
    expectRefused(
      'finish with topics of another entity',
      await send(admin, 'POST', `${t}/topics`, { topicIds: other.services[0]!.topicIds }),
    );
    // A time zone ICU accepts and PostgreSQL does not.
    expectRefused(
      'branch time zone',
      await send(admin, 'PUT', `/api/branches/${centro.branchId}`, { timezone: 'US/Pacific-New' }),
    );
    // Headers: a bad % sequence in a file name, a malformed Origin.
    const raw = await Promise.race([
      fetch(`${app.url}/api/profile`, {
        method: 'PUT',
        headers: { cookie: ana.cookie, origin: 'http://[::1', 'content-type': 'application/json' },
        body: '{}',
      }).then(async (r) => ({ status: r.status, body: (await r.json()) as Answer['body'], hung: false })),
      new Promise<Answer>((resolve) => setTimeout(() => resolve({ status: 0, body: null, hung: true }), GUARD_MS)),
    ]);
    expectRefused('malformed Origin', raw);
    for (const [kind, v] of Object.entries(TEXT_POISONS)) {
      expectRefused(`profile ${kind}`, await send(ana, 'PUT', '/api/profile', { firstName: v }));
    }
    expect(problems).toEqual([]);
  }, 300_000);

  it('afterwards no workflow has an activity attempt above 3, and the ticket takes its next steps', async () => {
    await new Promise((r) => setTimeout(r, 3000)); // time for a wedged activity to reach its 4th attempt
    const attempts: string[] = [];
    for await (const wf of app.client.workflow.list({
      query: `ExecutionStatus = 'Running' AND TaskQueue = '${app.taskQueue}'`,
    })) {
      const d = await app.client.workflow.getHandle(wf.workflowId).describe();
      for (const a of d.raw.pendingActivities ?? []) {
        if ((a.attempt ?? 0) > 3)
          attempts.push(`${wf.workflowId} ${a.activityType?.name} attempt ${a.attempt}: ${a.lastFailure?.message}`);
      }
    }
    expect(attempts).toEqual([]);
    expect(Number((await app.db('stuck_work').count({ n: '*' }))[0]!.n)).toBe(0);

    const t = `/api/tickets/${ticketId}`;
    expect((await supervisor.request('POST', `${t}/notes`, { text: 'una nota válida\ncon dos líneas' })).status).toBe(
      200,
    );
    const shift = await ana.request('POST', '/api/shifts', { deskId: centro.deskIds[0], state: 'offline' });
    expect(shift.status, JSON.stringify(shift.body)).toBe(201);
    await ana.request('POST', '/api/shifts/current/manual', { manual: true }); // she calls by hand (issue 16: Online)
    await ana.request('POST', '/api/shifts/current/state', { state: 'online' });
    const called = await ana.request('POST', `${t}/call`, {});
    expect(called.status, JSON.stringify(called.body)).toBe(200);
    expect((await ana.request('POST', `${t}/attend`, {})).body.status).toBe('attending');
    expect((await ana.request('POST', `${t}/finish`, {})).body.status).toBe('finished');
    expect((await ana.request('POST', '/api/shifts/current/end')).status).toBe(200);
  }, 120_000);
});
