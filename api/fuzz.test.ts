// Bad-input fuzzing of every write route (property-based, fast-check): whatever the body, the
// API answers below 500, and a rejected request changes nothing in the database. The routes
// come from the OpenAPI document, so a new route is fuzzed without touching this file.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppStack, type ApiClient, type AppStack } from '../tests/support/app-stack.js';

let app: AppStack;
let admin: ApiClient;
let ticketId: string;
// Routes that end the fuzzer's own session or are throttled by design (429 is still < 500).
const SKIP = new Set(['post /api/auth/logout', 'post /api/profile/password', 'post /api/auth/login']);

beforeAll(async () => {
  app = await createAppStack();
  admin = await app.login('admin@andino.demo');
  const service = await app.db('services').first('id');
  ticketId = (await admin.request('POST', '/api/tickets', { serviceId: service.id })).body.id;
});
afterAll(() => app?.closeAll());

/** Every table's content, hashed: equal fingerprints mean nothing changed. */
async function fingerprint(): Promise<Record<string, string>> {
  const tables = (await app
    .db('pg_tables')
    .where({ schemaname: 'public' })
    .whereNotIn('tablename', [
      'knex_migrations',
      'knex_migrations_lock',
      'sessions',
      'idempotency_keys',
      'webhook_cursors',
    ])
    .pluck('tablename')) as string[];
  const out: Record<string, string> = {};
  for (const t of tables) {
    const { rows } = await app.db.raw(
      `select md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as h from ?? x`,
      [t],
    );
    out[t] = rows[0].h;
  }
  return out;
}

const nasty = fc.constantFrom(
  "' OR 1=1 --",
  '1; DROP TABLE tickets; --',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ñ',
  '9'.repeat(40),
  '',
  ' ',
  '\u0000',
  '<script>alert(1)</script>',
  -1,
  0,
  2 ** 53,
  1e308,
  -0.5,
  true,
  null,
  [],
  {},
);
const value = fc.oneof(
  nasty,
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.anything(), { maxLength: 3 }),
  fc.object({ maxDepth: 1 }),
);
const bodyFor = (keys: string[]) =>
  fc.oneof(
    fc.anything(),
    fc.dictionary(keys.length ? fc.constantFrom(...keys) : fc.string(), value, { maxKeys: 6 }),
    fc.constantFrom('{"serviceId": 1,', 'null', '[]', '"text"', '{"__proto__": {"admin": true}}'),
  );

async function pathFor(template: string, method: string): Promise<string> {
  if (!template.includes('{')) return template;
  const resource = template.split('/')[2]!;
  if (resource === 'tickets') return template.replace(/\{[^}]+\}/g, ticketId);
  // DELETE gets unknown ids (deleting demo data would starve the rest); the rest a real row.
  const real =
    method === 'delete'
      ? null
      : await app
          .db(resource)
          .first('id')
          .catch(() => null);
  return template.replace(/\{[^}]+\}/g, String(real?.id ?? 987654321));
}

describe('H9 bad-input fuzzing of every write route', () => {
  it('never answers 500 and never half-writes on rejection', async () => {
    const doc = (await admin.request('GET', '/api/docs/openapi.json')).body as {
      paths: Record<
        string,
        Record<
          string,
          { requestBody?: { content: { 'application/json': { schema: { properties?: Record<string, unknown> } } } } }
        >
      >;
    };
    const ops = Object.entries(doc.paths).flatMap(([p, methods]) =>
      Object.entries(methods)
        .filter(([m]) => ['post', 'put', 'delete'].includes(m) && !SKIP.has(`${m} ${p}`))
        .map(([m, op]) => ({
          method: m,
          path: p,
          keys: Object.keys(op.requestBody?.content['application/json'].schema.properties ?? {}),
        })),
    );
    expect(ops.length).toBeGreaterThan(40);
    const failures: string[] = [];
    for (const op of ops) {
      const url = await pathFor(op.path, op.method);
      let before = await fingerprint();
      await fc.assert(
        fc.asyncProperty(bodyFor(op.keys), async (body) => {
          const raw = typeof body === 'string' && op.method !== 'delete' ? body : JSON.stringify(body ?? null);
          const res = await admin.request(op.method.toUpperCase(), url, raw);
          if (res.status >= 500)
            failures.push(
              `${op.method} ${url} ${raw.slice(0, 80)} → ${res.status} ${JSON.stringify(res.body).slice(0, 120)}`,
            );
          if (res.status < 400) {
            before = await fingerprint(); // accepted: the new state is the baseline
          } else {
            const after = await fingerprint();
            const changed = Object.keys(after).filter((t) => after[t] !== before[t]);
            if (changed.length)
              failures.push(`${op.method} ${url} rejected (${res.status}) but changed ${changed.join(', ')}`);
            before = after;
          }
        }),
        { numRuns: 8, seed: 20261124 },
      );
    }
    expect(failures).toEqual([]);
  }, 300_000);
});
