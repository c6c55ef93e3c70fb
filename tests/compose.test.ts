// docker-compose.yml is checked with the real Compose v2 parser (`docker compose config`), which
// scripts/docker-compose-cli.sh provides even without Docker's compose plugin (it builds it from
// the Go module proxy once, 5–15 min, into ~/.cache/ventanilla). No Docker engine is needed.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEARCH_ATTRIBUTES } from '../domain/temporal.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const COMPOSE_FILE = path.join(ROOT, 'docker-compose.yml');

type DependsOn = Record<string, { condition: string }>;
type Service = {
  image?: string;
  build?: unknown;
  depends_on?: DependsOn;
  ports?: { target: number; published?: string; protocol?: string }[];
  environment?: Record<string, string | null>;
  healthcheck?: { test?: string[]; disable?: boolean };
};
type ComposeConfig = { services: Record<string, Service> };

let compose = '';
let tmp = '';
let emptyEnvFile = '';

/** Runs compose on docker-compose.yml, ignoring any local .env and inherited SESSION_SECRET/COMPOSE_*. */
function runCompose(args: string[], extraEnv: Record<string, string> = {}) {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => k !== 'SESSION_SECRET' && !k.startsWith('COMPOSE_')),
  );
  return spawnSync(compose, ['--env-file', emptyEnvFile, '-f', COMPOSE_FILE, ...args], {
    cwd: ROOT,
    env: { ...env, ...extraEnv },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ventanilla-compose-'));
  emptyEnvFile = path.join(tmp, 'empty.env');
  fs.writeFileSync(emptyEnvFile, '');
  // Last stdout line is the binary; progress (and a first-time build) goes to stderr.
  const out = execFileSync('bash', [path.join(ROOT, 'scripts/docker-compose-cli.sh')], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    timeout: 25 * 60_000, // a first build takes 5–15 min, depending on the machine's load
  });
  compose = out.trim().split('\n').at(-1) ?? '';
  expect(compose, 'scripts/docker-compose-cli.sh printed no path').toMatch(/^\//);
}, 26 * 60_000);

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('docker-compose.yml', () => {
  it('resolves with SESSION_SECRET set: services, start order, pinned images, ports', () => {
    const res = runCompose(['config', '--format', 'json'], { SESSION_SECRET: 'test-secret-0123456789abcdef' });
    expect(res.error).toBeUndefined();
    expect(res.status, res.stderr).toBe(0);
    const config = JSON.parse(res.stdout) as ComposeConfig;
    const services = config.services;

    for (const name of ['postgres', 'temporal', 'temporal-ui', 'worker', 'api', 'sfu', 'migrate']) {
      expect(Object.keys(services), `service ${name}`).toContain(name);
    }

    const api = services.api!;
    expect(api.depends_on?.postgres?.condition).toBe('service_healthy');
    expect(api.depends_on?.temporal?.condition).toBe('service_healthy');
    expect(api.depends_on?.migrate?.condition).toBe('service_completed_successfully');
    expect(services.worker!.depends_on?.migrate?.condition).toBe('service_completed_successfully');
    expect(services.migrate!.depends_on?.postgres?.condition).toBe('service_healthy');

    // Every image carries an explicit tag (or digest) other than `latest`.
    for (const [name, service] of Object.entries(services)) {
      const image = service.image ?? '';
      expect(image, `${name} has no image`).not.toBe('');
      if (image.includes('@sha256:')) continue;
      const tag = image.split('/').at(-1)!.split(':')[1];
      expect(tag, `${name}: ${image} has no tag (implicitly latest)`).toBeTruthy();
      expect(tag, `${name}: ${image}`).not.toBe('latest');
    }

    // One image, built from this repository's Dockerfile, for all the app's services.
    for (const name of ['api', 'worker', 'sfu', 'migrate']) {
      expect(services[name]!.image, name).toBe(api.image);
      expect(services[name]!.build, name).toMatchObject({ context: ROOT, dockerfile: 'Dockerfile' });
    }

    expect(api.ports?.map((p) => p.target)).toContain(3000);
    expect(services.sfu!.ports?.map((p) => p.target)).toContain(4443);
    expect(api.environment?.SESSION_SECRET).toBe('test-secret-0123456789abcdef');
    expect(api.environment?.NODE_ENV).toBe('production');
  });

  it('registers exactly the search attributes of domain/temporal.ts', () => {
    const res = runCompose(['config', '--format', 'json'], { SESSION_SECRET: 'test-secret-0123456789abcdef' });
    expect(res.status, res.stderr).toBe(0);
    const setup = (JSON.parse(res.stdout) as ComposeConfig).services['temporal-setup'];
    const listed = (setup?.environment?.SEARCH_ATTRIBUTES ?? '').trim().split(/\s+/).sort();
    const expected = Object.entries(SEARCH_ATTRIBUTES)
      .map(([name, type]) => `${name}=${type}`)
      .sort();
    expect(listed).toEqual(expected);
  });

  it('refuses to resolve without SESSION_SECRET, naming it', () => {
    const res = runCompose(['config', '--format', 'json']);
    expect(res.error).toBeUndefined();
    expect(res.status).not.toBe(0);
    expect(res.stderr).toMatch(/SESSION_SECRET/);
  });
});
