// Issue 13, "Personal data in Temporal": a ticket's history, read with the Temporal CLI as anyone
// with Temporal access would, holds no customer data in clear; the codec endpoint gives it back
// to the ticket's entity, to nobody else's staff, and to the operator credential and operators'
// sessions; only the configured Temporal Web UI origin gets credentialed CORS.
import { execFileSync } from 'node:child_process';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_PASSWORD } from '../../db/seed/demo.js';
import { dataConverterOf } from '../../platform/codec/codec.js';
import { resolveTemporalCli } from '../../runtime/temporal-server.js';
import {
  createAppStack,
  OPERATOR_TOKEN,
  TEMPORAL_UI_URL,
  type ApiClient,
  type AppStack,
} from '../../tests/support/app-stack.js';
import { createOrg } from '../../tests/support/fixtures.js';
import { hashPassword } from '../../platform/passwords.js';
import { TEMPORAL_CODEC_PATH } from './routes.js';

type JsonPayload = { metadata?: Record<string, string>; data?: string };

// ASCII on purpose: the CLI's JSON would escape accents, hiding a match.
const created = {
  firstName: 'Xiomaraqz',
  lastName: 'Quinteroqz',
  idNumber: '9081726354',
  email: 'xiomara.qz@correo.demo',
  phone: '+57 311 555 0199',
};
const edited = {
  firstName: 'Yolandawk',
  lastName: 'Zambranowk',
  idNumber: '5647382910',
  email: 'yolanda.wk@correo.demo',
  phone: '+57 320 444 0177',
};
const secrets = [...Object.values(created), ...Object.values(edited), '3115550199', '3204440177'];

let app: AppStack;
let supervisor: ApiClient;
let otherAdmin: ApiClient;
let otherOperator: ApiClient;
let entityId: number;
let workflowId: string;
let history: unknown;

const b64 = (s: string) => Buffer.from(s, 'base64').toString('utf8');
/** Every string of the history, and each one read as base64 (payload data, metadata). */
function readable(node: unknown, out: string[] = []): string[] {
  if (typeof node === 'string') out.push(node, b64(node));
  else if (Array.isArray(node)) for (const n of node) readable(n, out);
  else if (node && typeof node === 'object') for (const v of Object.values(node)) readable(v, out);
  return out;
}
/**
 * The payloads of the history, but search attributes (indexed, so never encrypted: they hold
 * no personal data) and patch markers (written by the SDK's core: a patch id).
 */
function payloadsOf(node: unknown, out: JsonPayload[] = []): JsonPayload[] {
  if (Array.isArray(node)) for (const n of node) payloadsOf(n, out);
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (o.metadata && typeof o.metadata === 'object' && 'encoding' in (o.metadata as object))
      out.push(o as JsonPayload);
    else if (o.markerName === 'core_local_activity') {
      // A local step's marker: `data` is the SDK's own bookkeeping (sequence, attempt, activity
      // type, times; no input is recorded), `result` is the step's answer and must be encrypted.
      payloadsOf(at(o, 'details', 'result'), out);
    } else if (o.markerName !== 'core_patch')
      for (const [k, v] of Object.entries(o)) if (k !== 'searchAttributes') payloadsOf(v, out);
  }
  return out;
}
/** The value at `path` in proto-JSON, if there is one. */
const at = (node: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), node);
const leaks = (texts: string[]) => secrets.filter((s) => texts.some((t) => t.toLowerCase().includes(s.toLowerCase())));

const codecCall = (path: string, body: unknown, headers: Record<string, string>) =>
  fetch(`${app.url}${TEMPORAL_CODEC_PATH}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-namespace': app.namespace, ...headers },
    body: JSON.stringify(body),
  });
const fromUi = (who: ApiClient) => ({ origin: TEMPORAL_UI_URL, cookie: who.cookie });

beforeAll(async () => {
  app = await createAppStack();
  supervisor = await app.login('supervisor@andino.demo');
  const other = await createOrg(app.db);
  await app.db('users').insert({
    entity_id: other.entityId,
    branch_id: null,
    email: 'root@codec.test',
    password_hash: await hashPassword(DEMO_PASSWORD),
    role: 'admin',
    first_name: 'Root',
    last_name: 'Other',
  });
  otherAdmin = await app.login('root@codec.test');
  // An operator is platform staff: their home entity is not the ticket's, and does not matter here.
  await app.db('users').insert({
    entity_id: other.entityId,
    branch_id: null,
    email: 'ops@codec.test',
    password_hash: await hashPassword(DEMO_PASSWORD),
    role: 'operator',
    first_name: 'Ops',
    last_name: 'Other',
  });
  otherOperator = await app.login('ops@codec.test');
  const branch = await app.db('branches').where({ code: 'CEN' }).first('id', 'entity_id');
  entityId = branch.entity_id;
  const serviceId = (await app.db('services').where({ branch_id: branch.id, label: 'C' }).first('id')).id;

  const ticket = await supervisor.request('POST', '/api/tickets', { serviceId, customer: created });
  expect(ticket.status, JSON.stringify(ticket.body)).toBe(201);
  const edit = await supervisor.request('POST', `/api/tickets/${ticket.body.id}/customer`, edited);
  expect(edit.status, JSON.stringify(edit.body)).toBe(200);
  workflowId = `ticket-${ticket.body.id}`;
  const cli = process.env.TEMPORAL_CLI ?? resolveTemporalCli();
  history = JSON.parse(
    execFileSync(
      cli,
      [
        'workflow',
        'show',
        '--workflow-id',
        workflowId,
        '--output',
        'json',
        '--address',
        inject('temporalAddress'),
        '--namespace',
        app.namespace,
      ],
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    ),
  );
}, 120_000);
afterAll(() => app?.closeAll());

describe('issue 13: personal data in Temporal', () => {
  it('a history read with the CLI (search attributes included) holds no customer name, ID number, e-mail or phone, not even in base64', () => {
    const texts = readable(history);
    expect(texts.length).toBeGreaterThan(100);
    expect(leaks(texts)).toEqual([]);
  });

  it('every payload (input, Update arguments and results, activities, memo) is encrypted and labelled with the entity', () => {
    const payloads = payloadsOf(history);
    expect(payloads.length).toBeGreaterThan(5);
    // The places personal data was seen in clear: the start input, the customer edit (an Update:
    // its argument and its answer) and the memo the workflow writes for the Web UI's list.
    const events = (history as { events: unknown[] }).events;
    const find = (...path: string[]) => events.map((e) => at(e, ...path)).filter(Boolean);
    const kinds = {
      input: find('workflowExecutionStartedEventAttributes', 'input', 'payloads'),
      updateArgs: find('workflowExecutionUpdateAcceptedEventAttributes', 'acceptedRequest', 'input', 'args'),
      updateResults: find('workflowExecutionUpdateCompletedEventAttributes', 'outcome', 'success'),
      memo: find('workflowPropertiesModifiedEventAttributes', 'upsertedMemo', 'fields', 'customer'),
      localStepResults: find('markerRecordedEventAttributes', 'details', 'result'),
    };
    for (const [kind, found] of Object.entries(kinds)) {
      expect(found.length, kind).toBeGreaterThan(0);
      for (const p of payloadsOf(found)) expect(b64(p.metadata!.encoding!), kind).toBe('binary/encrypted');
    }
    for (const p of payloads) {
      expect(b64(p.metadata!.encoding!), JSON.stringify(p)).toBe('binary/encrypted');
      expect(b64(p.metadata!['vt-entity'] ?? '')).toBe(String(entityId));
    }
  });

  it('the encrypted history replays through the codec', async () => {
    await Worker.runReplayHistory(
      { workflowBundle: { codePath: inject('workflowBundlePath') }, dataConverter: dataConverterOf(app.codec) },
      historyFromJSON(history),
      workflowId,
    );
  });

  it("staff of the ticket's entity read it through the codec endpoint, from the Temporal UI", async () => {
    const payloads = payloadsOf(history);
    const res = await codecCall('/decode', { payloads }, fromUi(supervisor));
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(TEMPORAL_UI_URL);
    expect(res.headers.get('access-control-allow-credentials')).toBe('true');
    const decoded = ((await res.json()) as { payloads: JsonPayload[] }).payloads;
    expect(decoded).toHaveLength(payloads.length);
    for (const p of decoded) expect(b64(p.metadata!.encoding!)).not.toBe('binary/encrypted');
    // The memo, the Update argument and its answer are all there in clear.
    expect(leaks(readable(decoded))).toEqual(
      expect.arrayContaining([created.idNumber, created.email, edited.idNumber, edited.email, edited.lastName]),
    );
  });

  it("another entity's staff get the payloads back still encrypted", async () => {
    const payloads = payloadsOf(history);
    const res = await codecCall('/decode', { payloads }, fromUi(otherAdmin));
    expect(res.status).toBe(200);
    const answer = ((await res.json()) as { payloads: JsonPayload[] }).payloads;
    expect(answer).toEqual(payloads);
    expect(leaks(readable(answer))).toEqual([]);
    // Nor does naming another namespace help the ticket's own staff.
    const elsewhere = await codecCall(
      '/decode',
      { payloads },
      { ...fromUi(supervisor), 'x-namespace': 'someone-else' },
    );
    expect(((await elsewhere.json()) as { payloads: JsonPayload[] }).payloads).toEqual(payloads);
  });

  it('the operator credential decodes every payload; a wrong one or none is refused', async () => {
    const payloads = payloadsOf(history);
    const res = await codecCall('/decode', { payloads }, { authorization: `Bearer ${OPERATOR_TOKEN}` });
    expect(res.status).toBe(200);
    const decoded = ((await res.json()) as { payloads: JsonPayload[] }).payloads;
    for (const p of decoded) expect(b64(p.metadata!.encoding!)).not.toBe('binary/encrypted');
    expect(leaks(readable(decoded))).toContain(created.phone);
    expect((await codecCall('/decode', { payloads }, { authorization: `Bearer ${OPERATOR_TOKEN}x` })).status).toBe(401);
    expect((await codecCall('/decode', { payloads }, { origin: TEMPORAL_UI_URL })).status).toBe(401);
  });

  it("G7: an operator's session decodes another entity's payloads, from the Temporal UI; that entity's admin does not", async () => {
    const payloads = payloadsOf(history);
    const res = await codecCall('/decode', { payloads }, fromUi(otherOperator));
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(TEMPORAL_UI_URL);
    const decoded = ((await res.json()) as { payloads: JsonPayload[] }).payloads;
    expect(decoded).toHaveLength(payloads.length);
    for (const p of decoded) expect(b64(p.metadata!.encoding!)).not.toBe('binary/encrypted');
    expect(leaks(readable(decoded))).toEqual(expect.arrayContaining([created.idNumber, created.phone, edited.email]));
    const refused = await codecCall('/decode', { payloads }, fromUi(otherAdmin));
    expect(refused.status).toBe(200);
    expect(((await refused.json()) as { payloads: JsonPayload[] }).payloads).toEqual(payloads);
  });

  it('what the UI encodes for staff, they read back; another entity does not', async () => {
    const clear = {
      metadata: { encoding: Buffer.from('json/plain').toString('base64') },
      data: Buffer.from('"nota"').toString('base64'),
    };
    const sealed = (
      (await (await codecCall('/encode', { payloads: [clear] }, fromUi(supervisor))).json()) as {
        payloads: JsonPayload[];
      }
    ).payloads;
    expect(b64(sealed[0]!.metadata!['vt-entity']!)).toBe(String(entityId));
    expect(
      (
        (await (await codecCall('/decode', { payloads: sealed }, fromUi(supervisor))).json()) as {
          payloads: JsonPayload[];
        }
      ).payloads,
    ).toEqual([clear]);
    expect(
      (
        (await (await codecCall('/decode', { payloads: sealed }, fromUi(otherAdmin))).json()) as {
          payloads: JsonPayload[];
        }
      ).payloads,
    ).toEqual(sealed);
  });
});

describe('issue 13: the codec endpoint answers the Temporal UI origin only', () => {
  const preflight = (origin: string) =>
    fetch(`${app.url}${TEMPORAL_CODEC_PATH}/decode`, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,x-namespace',
      },
    });

  it('a preflight from the Temporal UI origin is allowed, with credentials', async () => {
    const res = await preflight(TEMPORAL_UI_URL);
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(TEMPORAL_UI_URL);
    expect(res.headers.get('access-control-allow-credentials')).toBe('true');
    expect(res.headers.get('access-control-allow-methods')).toMatch(/POST/);
    expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('x-namespace');
  });

  it('a preflight from another origin is refused, without CORS headers', async () => {
    const res = await preflight('http://evil.example');
    expect(res.status).toBe(403);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it("a staff member's cookie from another origin, or with no Origin, decodes nothing", async () => {
    const payloads = payloadsOf(history);
    const foreign = await codecCall(
      '/decode',
      { payloads },
      { origin: 'http://evil.example', cookie: supervisor.cookie },
    );
    expect(foreign.status).toBe(403);
    expect(((await foreign.json()) as { code: string }).code).toBe('CrossSite');
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    expect((await codecCall('/decode', { payloads }, { cookie: supervisor.cookie })).status).toBe(403);
  });
});
