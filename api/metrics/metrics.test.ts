// Issue 15: Prometheus scrapes the API's /metrics (from loopback, or with METRICS_TOKEN from
// anywhere else) and the worker process's listener, which also carries the Temporal SDK's series.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createAppStack, type AppStack } from '../../tests/support/app-stack.js';
import { REPO_ROOT } from '../../platform/config.js';
import { freePort } from '../../platform/ports.js';

const TOKEN = 'metrics-token-0123456789abcdef';
let app: AppStack;
let worker: ChildProcess | undefined;
let workerUrl: string;

/** The value of the first sample of `name` whose labels include every one of `labels`. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    const m = /^([a-z_:]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = m[2] ?? '';
    if (Object.entries(labels).every(([k, v]) => have.includes(`${k}="${v}"`))) return Number(m[3]);
  }
  return undefined;
}

async function scrape(url: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, { headers });
  return { status: res.status, text: await res.text() };
}

beforeAll(async () => {
  app = await createAppStack({ config: { METRICS_TOKEN: TOKEN } });
  const port = await freePort();
  workerUrl = `http://127.0.0.1:${port}/metrics`;
  // The real worker process, as production runs it, on this stack's database and namespace.
  worker = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'runtime/worker.ts')], {
    env: {
      ...process.env,
      DATABASE_URL: app.dbUrl,
      TEMPORAL_ADDRESS: inject('temporalAddress'),
      TEMPORAL_NAMESPACE: app.namespace,
      TASK_QUEUE: `${app.taskQueue}-metrics`,
      WORKER_METRICS_PORT: String(port),
      LOG_LEVEL: 'error',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
});

afterAll(async () => {
  if (worker && worker.exitCode === null) {
    const gone = new Promise((resolve) => worker!.once('exit', resolve));
    worker.kill('SIGTERM');
    const timer = setTimeout(() => worker!.kill('SIGKILL'), 15_000);
    await gone;
    clearTimeout(timer);
  }
  await app?.closeAll();
});

describe('issue 15: Prometheus metrics', () => {
  it('the API: request latency by route and status, sockets, and each service queue from the database', async () => {
    const sup = await app.login('supervisor@andino.demo');
    const service: { id: number; branch_id: number } = await app
      .db('services as s')
      .join('users as u', 'u.branch_id', 's.branch_id')
      .where('u.email', 'supervisor@andino.demo')
      .andWhere('s.active', true)
      .orderBy('s.id')
      .first('s.id', 's.branch_id');
    const created = await sup.request('POST', '/api/tickets', { serviceId: service.id });
    expect(created.status).toBe(201);

    const { status, text } = await scrape(`${app.url}/metrics`);
    expect(status).toBe(200);
    const labels = { branch_id: String(service.branch_id), service_id: String(service.id) };
    expect(sample(text, 'ventanilla_queue_waiting_tickets', labels)).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'ventanilla_queue_oldest_wait_seconds', labels)).toBeGreaterThanOrEqual(0);
    expect(
      sample(text, 'ventanilla_http_request_duration_seconds_count', {
        method: 'POST',
        route: '/api/tickets',
        status: '201',
      }),
    ).toBe(1);
    // The route is the pattern, not the path: no series per ticket id.
    await sup.request('GET', `/api/tickets/${String(created.body.id)}`);
    const after = (await scrape(`${app.url}/metrics`)).text;
    expect(sample(after, 'ventanilla_http_request_duration_seconds_count', { route: '/api/tickets/:id' })).toBe(1);
    expect(after).not.toContain(String(created.body.id));
    expect(sample(after, 'ventanilla_socket_connections', { namespace: 'staff' })).toBe(0);
    expect(sample(after, 'ventanilla_process_cpu_seconds_total', { part: 'api' })).toBeGreaterThan(0);
  });

  it('the API refuses a scrape from elsewhere without the token', async () => {
    // A request a proxy on loopback relays from outside (Express trusts loopback proxies).
    const outside = { 'x-forwarded-for': '203.0.113.9' };
    expect((await scrape(`${app.url}/metrics`, outside)).status).toBe(403);
    expect(
      (await scrape(`${app.url}/metrics`, { ...outside, authorization: 'Bearer wrong-token-0123456789' })).status,
    ).toBe(403);
    expect((await scrape(`${app.url}/metrics`, { ...outside, authorization: `Bearer ${TOKEN}` })).status).toBe(200);
  });

  it('the worker: its own series, dispatch latency from the database and the Temporal SDK series', async () => {
    // A ticket called now gives its branch a waiting → calling figure.
    const sup = await app.login('supervisor@andino.demo');
    const agent: { id: number; branch_id: number } = await app
      .db('users')
      .where({ email: 'ana@andino.demo' })
      .first('id', 'branch_id');
    const service: { id: number } = await app
      .db('services')
      .where({ branch_id: agent.branch_id, active: true })
      .orderBy('id')
      .first('id');
    const desk: { id: number } = await app.db('desks').where({ branch_id: agent.branch_id }).orderBy('id').first('id');
    const created = await sup.request('POST', '/api/tickets', { serviceId: service.id });
    const called = await sup.request('POST', `/api/tickets/${String(created.body.id)}/call`, {
      agentId: agent.id,
      deskId: desk.id,
    });
    expect(called.status).toBe(200);

    // The worker bundles its workflows before it listens: allow a busy machine its time.
    let text = '';
    for (const end = Date.now() + 100_000; Date.now() < end;) {
      const res = await fetch(workerUrl).catch(() => null);
      if (res?.status === 200) {
        text = await res.text();
        if (text.includes('temporal_')) break; // the SDK's exporter is up too
      }
      expect(worker?.exitCode ?? null).toBeNull();
      await new Promise((r) => setTimeout(r, 500));
    }
    const branch_id = String(agent.branch_id);
    expect(sample(text, 'ventanilla_dispatch_calls', { branch_id })).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'ventanilla_dispatch_wait_seconds', { branch_id, quantile: '0.95' })).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'ventanilla_process_cpu_seconds_total', { part: 'worker' })).toBeGreaterThan(0);
    expect(sample(text, 'temporal_num_pollers')).toBeDefined();
    expect(text).toMatch(/^temporal_worker_task_slots_available\{/m);
  }, 150_000);
});
