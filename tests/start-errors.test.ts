// Bad configuration stops the start command with one clear line, not a stack trace.
import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { REPO_ROOT } from '../platform/config.js';
import { freePort } from '../platform/ports.js';
import { ensureDatabase } from '../runtime/postgres.js';

function start(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'runtime/start.ts')], {
      env: {
        ...process.env,
        LOG_LEVEL: 'silent',
        DATA_DIR: path.join(REPO_ROOT, '.test-artifacts/start-data'),
        ...env,
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

const oneLine = (stderr: string) =>
  stderr
    .trim()
    .split('\n')
    .filter((l) => l.startsWith('ventanilla:'));

describe('start command: bad configuration', () => {
  it('unreachable database', async () => {
    const port = await freePort(); // nothing listens there
    const r = await start({ DATABASE_URL: `postgres://u:secret@127.0.0.1:${port}/x` });
    expect(r.code).toBe(1);
    expect(oneLine(r.stderr)).toEqual([
      expect.stringMatching(
        /^ventanilla: PostgreSQL at postgres:\/\/u:\*\*\*@127\.0\.0\.1:\d+\/x is unreachable .*fix DATABASE_URL/,
      ),
    ]);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('missing Temporal binary', async () => {
    const db = await ensureDatabase(inject('pgUrl'), 'start_errors');
    const r = await start({
      DATABASE_URL: db,
      TEMPORAL_CLI: '/nonexistent/temporal',
      TEMPORAL_PORT: String(await freePort()),
      TEMPORAL_UI_PORT: String(await freePort()),
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/TEMPORAL_CLI=\/nonexistent\/temporal is not an executable file/);
    expect(oneLine(r.stderr)).toEqual([
      expect.stringMatching(/^ventanilla: No Temporal CLI is available .*set TEMPORAL_CLI or TEMPORAL_ADDRESS/),
    ]);
  });

  it('port in use', async () => {
    const db = await ensureDatabase(inject('pgUrl'), 'start_errors');
    const blocker = net.createServer();
    const port = await new Promise<number>((resolve) =>
      blocker.listen(0, '0.0.0.0', () => resolve((blocker.address() as net.AddressInfo).port)),
    );
    try {
      const r = await start({ DATABASE_URL: db, TEMPORAL_ADDRESS: inject('temporalAddress'), API_PORT: String(port) });
      expect(r.code).toBe(1);
      expect(oneLine(r.stderr)).toEqual([
        `ventanilla: Port ${port} (API) is already in use: stop whatever holds it or set API_PORT to another port.`,
      ]);
    } finally {
      blocker.close();
    }
  });

  it('invalid setting', async () => {
    const r = await start({ API_PORT: 'eighty' });
    expect(r.code).toBe(1);
    expect(oneLine(r.stderr)[0]).toMatch(
      /^ventanilla: Invalid configuration — API_PORT: .*Fix these environment variables/,
    );
  });
});
