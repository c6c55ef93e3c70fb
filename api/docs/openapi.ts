// OpenAPI 3.1 from OPERATIONS and their zod schemas (z.toJSONSchema): request bodies and queries
// as a client sends them, responses as domain/contracts describe them.
import { z } from 'zod';
import type { MountedRoute } from './discover.js';
import { OPERATIONS, type Operation } from './operations.js';

/** Requests on the input side (before defaults and transforms), responses on the output side. */
const schemaOf = (s: z.ZodType, io: 'input' | 'output' = 'input'): Record<string, unknown> => {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(s, { io, unrepresentable: 'any' });
  return rest;
};

/** The status of a success: stated, or 201 for a POST that creates (not an action on one, not auth). */
export const successStatus = (op: Operation): number =>
  op.ok ?? (op.method === 'post' && !op.path.includes(':id/') && op.tag !== 'auth' ? 201 : 200);

function success(op: Operation): Record<string, unknown> {
  if (op.refused) return { description: `Never: always refused with ${op.refused}` };
  if (op.produces) return { description: 'OK', content: { [op.produces]: {} } };
  if (op.response)
    return { description: 'OK', content: { 'application/json': { schema: schemaOf(op.response, 'output') } } };
  return { description: 'OK, no content' };
}

const oaPath = (p: string) => `/api${p.replace(/:([A-Za-z]+)/g, '{$1}')}`;

function operation(op: Operation): Record<string, unknown> {
  const params = [...op.path.matchAll(/:([A-Za-z]+)/g)].map(([, name]) => ({
    name,
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
  if (op.query) {
    const q = schemaOf(op.query) as { properties?: Record<string, unknown> };
    for (const [name, schema] of Object.entries(q.properties ?? {}))
      params.push({ name, in: 'query', required: false, schema: schema as { type: string } });
  }
  if (op.method === 'post')
    params.push({ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string' } });
  return {
    summary: op.summary,
    tags: [op.tag],
    ...(op.auth ? { security: [{ session: [] }, { bearer: [] }], description: `Who: ${op.auth}` } : { security: [] }),
    ...(params.length ? { parameters: params } : {}),
    ...(op.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: schemaOf(op.body) } } } }
      : {}),
    responses: {
      [successStatus(op)]: success(op),
      400: { $ref: '#/components/responses/Invalid' },
      ...(op.auth
        ? {
            401: { description: 'Not logged in' },
            403: { description: 'Not allowed' },
            404: { description: 'Not found (or of another entity)' },
          }
        : {}),
    },
  };
}

/** Mounted routes not described in operations.ts still appear, with a note saying so. */
export function allOperations(mounted: MountedRoute[]): Operation[] {
  const known = new Set(OPERATIONS.map((o) => `${o.method} ${o.path}`));
  const extra = mounted
    .filter((r) => r.method !== 'patch' && !known.has(`${r.method} ${r.path}`))
    .map((r): Operation => ({
      method: r.method as Operation['method'],
      path: r.path,
      tag: r.path.split('/')[1] ?? 'other',
      summary: 'Mounted route without a schema in api/docs/operations.ts yet: see its routes.ts.',
    }));
  return [...OPERATIONS, ...extra];
}

export function buildOpenApi(mounted: MountedRoute[] = []): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of allOperations(mounted)) (paths[oaPath(op.path)] ??= {})[op.method] = operation(op);
  return {
    openapi: '3.1.0',
    info: {
      title: 'Ventanilla API',
      version: '0.1.0',
      description: 'Tickets, appointments, shifts and back-office configuration. Lists follow ra-data-simple-rest.',
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'vt_session' },
        bearer: { type: 'http', scheme: 'bearer' },
      },
      responses: {
        Invalid: {
          description:
            'Refused: a stable `code` with `params` (domain/errors.ts) and, for bad input, one code per field in `fields`; `message` is English for logs',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  error: { type: 'string' },
                  code: { type: 'string' },
                  params: { type: 'object' },
                  message: { type: 'string' },
                  fields: {
                    type: 'object',
                    additionalProperties: {
                      type: 'object',
                      properties: { code: { type: 'string' }, params: { type: 'object' } },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  };
}
