// G3: the OpenAPI 3.1 document covers every mounted route, built from the validating schemas.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppStack, type AppStack } from '../../tests/support/app-stack.js';
import { OPERATIONS } from './operations.js';

let app: AppStack;
beforeAll(async () => {
  app = await createAppStack({ seed: false });
});
afterAll(() => app?.closeAll());

const oa = (p: string) => `/api${p.replace(/:([A-Za-z]+)/g, '{$1}')}`;

describe('G3 API documentation', () => {
  it('documents every described operation, with request bodies from the zod schemas', async () => {
    const res = await fetch(`${app.url}/api/docs/openapi.json`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as {
      openapi: string;
      paths: Record<
        string,
        Record<string, { requestBody?: { content: Record<string, { schema: Record<string, unknown> }> } }>
      >;
    };
    expect(doc.openapi).toBe('3.1.0');
    for (const op of OPERATIONS) expect(doc.paths[oa(op.path)]?.[op.method], `${op.method} ${op.path}`).toBeDefined();
    // Same rules as the validator: e.g. a service label is 1–4 capitals, ticket kinds are an enum.
    const service = doc.paths['/api/services']!.post!.requestBody!.content['application/json']!.schema as {
      properties: Record<string, { pattern?: string }>;
    };
    expect(service.properties.label!.pattern).toBe('^[A-Z]{1,4}$');
    const ticket = doc.paths['/api/tickets']!.post!.requestBody!.content['application/json']!.schema as {
      properties: Record<string, { enum?: string[] }>;
    };
    expect(ticket.properties.kind!.enum).toEqual(['turn', 'virtual', 'appointment']);
    expect(doc.paths['/api/auth/login']!.post!.requestBody).toBeDefined();
    expect(doc.paths['/api/tickets/{id}/call']!.post).toBeDefined();
  });

  it('issue 14: success responses carry their schema from domain/contracts; files their content type', async () => {
    type Responses = Record<
      string,
      { content?: Record<string, { schema?: { properties?: Record<string, unknown>; items?: unknown } }> }
    >;
    const doc = (await (await fetch(`${app.url}/api/docs/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { responses: Responses }>>;
    };
    const json = (p: string, m: string, status: string) =>
      doc.paths[p]![m]!.responses[status]!.content!['application/json']!.schema!;
    // Every ticket answer is the one Ticket: the same fields from a list, a show and an action.
    const call = json('/api/tickets/{id}/call', 'post', '200');
    expect(Object.keys(call.properties!)).toEqual(
      expect.arrayContaining(['serviceName', 'topicIds', 'temporalUrl', 'preferredAgentId']),
    );
    expect(json('/api/tickets/{id}', 'get', '200')).toEqual(call);
    expect(json('/api/tickets', 'get', '200').items).toEqual(call);
    expect(doc.paths['/api/reports/summary.csv']!.get!.responses['200']!.content).toHaveProperty(['text/csv']);
  });

  it('lists every route mounted on the app, even ones without a schema entry yet', async () => {
    const doc = (await (await fetch(`${app.url}/api/docs/openapi.json`)).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const html = await (await fetch(`${app.url}/api/docs`)).text();
    expect(html).toContain('/api/tickets/:id/finish');
    // Issue 13: the written ticket-rights rule, public rows included, and the routes that apply them.
    expect(html).toContain('status-page token may leave the queue');
    expect(html).toContain('/api/public/tickets/:token/leave');
    expect(html).toContain('/api/public/branches/:id/check-in');
    expect(html).not.toMatch(/<script|<link|https?:\/\/(?!localhost)/); // no CDN assets
    const documented = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m} ${p}`));
    for (const op of [
      'get /api/profile',
      'put /api/profile',
      'post /api/notifications/{id}/read',
      'delete /api/webhooks/{id}',
      'get /api/health',
    ]) {
      expect(documented).toContain(op);
    }
  });
});
