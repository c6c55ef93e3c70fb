// The video tests' stack: the real API (with the video settings the SFU shares) and the real
// SFU process code in-process, over a per-file test stack with the demo data.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { listen } from '../../api/server.js';
import { seedDemo, DEMO_PASSWORD } from '../../db/seed/demo.js';
import { createLogger } from '../../platform/logger.js';
import { loadSfuConfig } from '../../sfu/config.js';
import { startSfuServer, type RunningSfu } from '../../sfu/server.js';
import { installWorker } from './sfu.js';
import { createTestStack, type TestStack } from './stack.js';

export const TEST_SECRET = 'video-test-secret-0123456789';

export type Json = Record<string, unknown> & { [k: string]: unknown };
export type Reply = { status: number; body: Json & Json[]; headers: Headers };
export interface Session {
  cookie: string;
  request(method: string, urlPath: string, body?: unknown, headers?: Record<string, string>): Promise<Reply>;
}

export interface VideoStack {
  stack: TestStack;
  url: string;
  sfu: RunningSfu;
  filesDir: string;
  login(email: string): Promise<Session>;
  /** A request without a session (the customer), optionally with a bearer join token. */
  anonymous(bearer?: string): Session;
  close(): Promise<void>;
}

/**
 * `origin`: where the browser pages come from (the SFU's CORS and the API's public address);
 * `port`: the API's own port, when the pages are the API's own (the real console): origin follows it.
 */
export async function createVideoStack(opts: { origin?: string; port?: number } = {}): Promise<VideoStack> {
  const origin = opts.origin ?? (opts.port ? `http://127.0.0.1:${opts.port}` : undefined);
  const bin = installWorker();
  const stack = await createTestStack();
  await stack.startWorker();
  await seedDemo(stack.db);
  const log = createLogger('test-video', process.env.LOG_LEVEL ?? 'silent');
  const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ventanilla-files-'));
  const sfu = await startSfuServer({
    server: {
      databaseUrl: stack.dbUrl,
      sessionSecret: TEST_SECRET,
      port: 0,
      corsOrigins: [origin ?? 'http://127.0.0.1'],
    },
    media: loadSfuConfig({ MEDIASOUP_WORKER_BIN: bin, SFU_WORKERS: '1' }),
    log,
  });
  const server = await listen(
    {
      db: stack.db,
      temporal: stack.client,
      taskQueue: stack.taskQueue,
      log,
      config: {
        NODE_ENV: 'test',
        publicUrl: origin ?? 'http://localhost',
        temporalUiUrl: 'http://localhost:8233',
        TEMPORAL_NAMESPACE: stack.namespace,
        SESSION_SECRET: TEST_SECRET,
        DATA_DIR: path.dirname(filesDir),
        sfuPublicUrl: sfu.url,
      },
    },
    stack.dbUrl,
    opts.port ?? 0,
  );
  const url = `http://127.0.0.1:${server.port}`;

  const session = (cookie: string, bearer?: string): Session => ({
    cookie,
    async request(method, urlPath, body, headers = {}) {
      const isBinary = body instanceof Uint8Array;
      const res = await fetch(url + urlPath, {
        method,
        headers: {
          ...(body !== undefined && !isBinary ? { 'content-type': 'application/json' } : {}),
          ...(cookie ? { cookie, origin: url } : {}),
          ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
          ...headers,
        },
        body: body === undefined ? undefined : isBinary ? new Blob([new Uint8Array(body)]) : JSON.stringify(body),
      });
      const text = await res.text();
      const json: unknown = text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text;
      return { status: res.status, body: json as Reply['body'], headers: res.headers };
    },
  });

  return {
    stack,
    url,
    sfu,
    filesDir: path.join(path.dirname(filesDir), 'files'),
    async login(email) {
      const res = await fetch(`${url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: DEMO_PASSWORD }),
      });
      if (res.status !== 200) throw new Error(`login ${email} failed: ${res.status} ${await res.text()}`);
      return session((res.headers.get('set-cookie') ?? '').split(';')[0] ?? '');
    },
    anonymous: (bearer) => session('', bearer),
    async close() {
      await server.close();
      await sfu.close();
      await stack.close();
    },
  };
}

/**
 * Logs `agent` in at a free desk of the branch, online in manual mode (A12: dispatch offers them
 * nothing, they call what they pick): an agent calls only from their own desk. Kept open for the
 * rest of the file.
 */
export async function atDesk(v: VideoStack, agent: Session, branchId: number): Promise<void> {
  if ((await agent.request('GET', '/api/shifts/current')).status === 200) return;
  const desk = await v.stack
    .db('desks')
    .where({ branch_id: branchId })
    .whereNotIn('id', v.stack.db('shifts').whereNull('ended_at').select('desk_id'))
    .orderBy('id')
    .first('id');
  for (const [path, body] of [
    ['/api/shifts', { deskId: desk.id, state: 'offline' }],
    ['/api/shifts/current/manual', { manual: true }],
    ['/api/shifts/current/state', { state: 'online' }],
  ] as const) {
    const res = await agent.request('POST', path, body);
    if (res.status >= 300) throw new Error(`${path} failed: ${res.status} ${JSON.stringify(res.body)}`);
  }
}

/** A virtual ticket at Sucursal Centro, created and called by `agent` to their own desk. */
export async function callVirtualTicket(
  v: VideoStack,
  agent: Session,
  customer = { firstName: 'Luz', lastName: 'Marina' },
): Promise<{ ticketId: string }> {
  const service = await v.stack
    .db('services as s')
    .join('branches as b', 'b.id', 's.branch_id')
    .where({ 's.label': 'V', 'b.code': 'CEN' })
    .first('s.id', 's.branch_id');
  const created = await agent.request('POST', '/api/tickets', {
    serviceId: service.id,
    kind: 'virtual',
    customer: { ...customer, idNumber: String(Date.now()).slice(-8) },
  });
  if (created.status !== 201) throw new Error(`create failed: ${created.status} ${JSON.stringify(created.body)}`);
  const ticketId = String(created.body.id);
  await atDesk(v, agent, service.branch_id as number);
  const called = await agent.request('POST', `/api/tickets/${ticketId}/call`, {});
  if (called.status !== 200) throw new Error(`call failed: ${called.status} ${JSON.stringify(called.body)}`);
  return { ticketId };
}
