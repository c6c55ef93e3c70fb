// The real API (HTTP + socket.io + change bus) over a per-file test stack, with the demo data
// loaded: what the HTTP, socket and browser tests talk to.
import { createTestStack, type TestStack } from './stack.js';
import type { ApiDeps } from '../../api/deps.js';
import { listen } from '../../api/server.js';
import { seedDemo, DEMO_PASSWORD } from '../../db/seed/demo.js';
import { createLogger } from '../../platform/logger.js';
import { createActivities } from '../../runtime/worker-factory.js';
import type { MessagingOptions } from '../../activities/messages/index.js';

/** The Temporal Web UI the API trusts, and the operator credential of its codec endpoint (issue 13). */
export const TEMPORAL_UI_URL = 'http://localhost:8233';
export const OPERATOR_TOKEN = 'test-operator-token-0123456789abcdef';

export interface AppStack extends TestStack {
  url: string;
  /** Logs in and returns a fetch bound to that session (cookie), JSON in and out. */
  login(email: string, password?: string): Promise<ApiClient>;
  closeAll(): Promise<void>;
}

export interface ApiClient {
  cookie: string;
  request(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: any; headers: Headers }>; // eslint-disable-line @typescript-eslint/no-explicit-any -- test convenience: bodies are asserted field by field
}

/** `config` overrides the API's configuration (e.g. OUTBOUND_ALLOW for a local webhook receiver). */
export async function createAppStack(
  opts: {
    seed?: boolean;
    config?: Partial<ApiDeps['config']>;
    /** Issue 20: the worker's mail relay and links (tests/support/mail.ts); the configuration's otherwise. */
    messaging?: MessagingOptions;
  } = {},
): Promise<AppStack> {
  const s = await createTestStack();
  await s.startWorker(
    opts.messaging
      ? createActivities({ db: s.db, temporal: s.client, taskQueue: s.taskQueue, messaging: opts.messaging })
      : undefined,
  );
  if (opts.seed ?? true) await seedDemo(s.db);
  const log = createLogger('test-api', process.env.LOG_LEVEL ?? 'silent');
  const server = await listen(
    {
      db: s.db,
      temporal: s.client,
      taskQueue: s.taskQueue,
      log,
      config: {
        NODE_ENV: 'test',
        publicUrl: 'http://localhost',
        temporalUiUrl: TEMPORAL_UI_URL,
        TEMPORAL_NAMESPACE: s.namespace,
        TEMPORAL_CODEC_OPERATOR_TOKEN: OPERATOR_TOKEN,
        ...opts.config,
      },
    },
    s.dbUrl,
    0,
  );
  const url = `http://127.0.0.1:${server.port}`;

  const client = (cookie: string): ApiClient => ({
    cookie,
    async request(method, path, body, headers = {}) {
      const res = await fetch(url + path, {
        // A browser's fetch names its origin on unsafe requests; cookie requests need it (issue 13 CSRF).
        method,
        headers: {
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          cookie,
          origin: url,
          ...headers,
        },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {
        /* not JSON: keep the text */
      }
      return { status: res.status, body: parsed, headers: res.headers };
    },
  });

  return {
    ...s,
    url,
    async login(email, password = DEMO_PASSWORD) {
      const res = await fetch(`${url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      });
      if (res.status !== 200) throw new Error(`login ${email} failed: ${res.status} ${await res.text()}`);
      const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
      return client(cookie);
    },
    async closeAll() {
      await server.close();
      await s.close();
    },
  };
}
