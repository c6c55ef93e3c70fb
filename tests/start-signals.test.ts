// Issue 12 item 7: SIGTERM, SIGINT or SIGHUP sent to the start process alone (as a service
// manager or `kill` does, not Ctrl-C's whole process group) stops every process it started —
// PostgreSQL, the Temporal dev server, the worker, the SFU and their own children — also while
// it is still starting. Each run marks its processes with an environment variable that every
// child inherits, so an orphan is found even after it has been re-parented.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../runtime/config.js';
import { freePort } from '../runtime/ports.js';
import { installWorker } from '../sfu/test-support.js';

const MARK = 'VENTANILLA_SIGNAL_TEST';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Proc { pid: number; cmd: string }

/** Live (not zombie) processes carrying the mark `${MARK}=${mark}` in their environment. */
function marked(mark: string): Proc[] {
  const found: Proc[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (!fs.readFileSync(`/proc/${entry}/environ`, 'utf8').split('\0').includes(`${MARK}=${mark}`)) continue;
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z')) continue;
      found.push({ pid: Number(entry), cmd: fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ').trim() });
    } catch {
      // gone while we looked, or not ours to read: either way not one of our live processes
    }
  }
  return found;
}

async function waitFor<T>(what: string, probe: () => T | undefined, timeoutMs: number, exited: () => string | null): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = probe();
    if (v !== undefined) return v;
    const gone = exited();
    if (gone !== null) throw new Error(`start exited before ${what}: ${gone}`);
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

describe('start command: stop signals (issue 12 item 7)', () => {
  let workerBin: string;
  let dataDir: string;
  const marks: string[] = [];

  beforeAll(() => {
    workerBin = installWorker();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ventanilla-signals-'));
    fs.chmodSync(dataDir, 0o755); // the embedded server runs as the postgres user when we are root
  }, 900_000);

  afterAll(() => {
    // A failing run must not leave its orphans on the machine.
    for (const m of marks) for (const p of marked(m)) process.kill(p.pid, 'SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function launch(): Promise<{ child: ChildProcess; mark: string; output: () => string; exit: Promise<{ code: number | null; signal: string | null }>; exited: () => string | null }> {
    const mark = randomUUID();
    marks.push(mark);
    const [api, pg, temporal, ui, sfu] = await Promise.all([freePort(), freePort(), freePort(), freePort(), freePort()]);
    const env: NodeJS.ProcessEnv = {
      ...process.env, [MARK]: mark, LOG_LEVEL: 'warn', DATA_DIR: dataDir, MEDIASOUP_WORKER_BIN: workerBin,
      API_PORT: String(api), PG_PORT: String(pg), TEMPORAL_PORT: String(temporal), TEMPORAL_UI_PORT: String(ui), SFU_PORT: String(sfu),
    };
    delete env.DATABASE_URL;
    delete env.TEMPORAL_ADDRESS;
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'runtime/start.ts')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout?.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr?.on('data', (b: Buffer) => (out += b.toString()));
    let ended: string | null = null;
    const exit = new Promise<{ code: number | null; signal: string | null }>((resolve) => child.on('exit', (code, signal) => {
      ended = `code ${code} signal ${signal}; output: ${out.slice(-1500)}`;
      resolve({ code, signal });
    }));
    return { child, mark, output: () => out, exit, exited: () => ended };
  }

  /** Sends `sig` to the start process only, then expects it to exit 0 with nothing of its left alive. */
  async function expectCleanStop(run: Awaited<ReturnType<typeof launch>>, sig: NodeJS.Signals): Promise<void> {
    run.child.kill(sig);
    const timeout = sleep(90_000).then(() => 'timeout' as const);
    const result = await Promise.race([run.exit, timeout]);
    expect(result, `start did not exit within 90 s of ${sig}`).not.toBe('timeout');
    const survivors = marked(run.mark);
    expect(survivors, `still running after the start process exited: ${JSON.stringify(survivors)}`).toEqual([]);
    expect(result).toEqual({ code: 0, signal: null });
  }

  it(`SIGTERM once the system is up stops every process it started`, async () => {
    const run = await launch();
    await waitFor('"Ventanilla is up"', () => (run.output().includes('Ventanilla is up') ? true : undefined), 240_000, run.exited);
    const procs = marked(run.mark);
    // All the parts are there before the signal: otherwise "nothing survives" proves nothing.
    for (const part of [/runtime\/start\.ts/, /postgres/, /temporal.* server start-dev/, /runtime\/worker\.ts/, /sfu\/server\.ts/, /mediasoup-worker/]) {
      expect(procs.map((p) => p.cmd), String(part)).toContainEqual(expect.stringMatching(part));
    }
    await expectCleanStop(run, 'SIGTERM');
  }, 400_000);

  it('SIGINT while the Temporal dev server is still starting', async () => {
    const run = await launch();
    await waitFor('the Temporal dev server', () => (marked(run.mark).some((p) => / server start-dev /.test(p.cmd)) ? true : undefined), 180_000, run.exited);
    await expectCleanStop(run, 'SIGINT');
  }, 300_000);

  it('SIGHUP while the worker and the SFU are starting', async () => {
    const run = await launch();
    await waitFor('the worker process', () => (marked(run.mark).some((p) => /runtime\/worker\.ts/.test(p.cmd)) ? true : undefined), 180_000, run.exited);
    expect(run.output()).not.toContain('Ventanilla is up');
    await expectCleanStop(run, 'SIGHUP');
  }, 300_000);
});
