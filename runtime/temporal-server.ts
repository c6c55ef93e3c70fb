// Temporal for development and tests: TEMPORAL_ADDRESS when given, otherwise the official
// CLI's dev server (SQLite file, Web UI) started as a child process.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { SEARCH_ATTRIBUTES } from '../domain/temporal.js';
import { REPO_ROOT } from '../platform/config.js';
import { isPortFree, PortInUseError } from '../platform/ports.js';
import type { Logger } from '../platform/logger.js';

/** The dev server's GOGC (see startTemporal), chosen by `./ventanilla bench` on a 2-core machine. */
const DEV_SERVER_GOGC = 400;

export interface RunningTemporal {
  address: string;
  uiUrl?: string;
  /** The dev server's process id, when we started it (fault runs kill it). */
  pid?: number;
  stop(): Promise<void>;
}

/** Path of a Temporal CLI: $TEMPORAL_CLI, PATH, the cache, or a one-time build (scripts/temporal-cli.sh). */
export function resolveTemporalCli(): string {
  try {
    return execFileSync('bash', [path.join(REPO_ROOT, 'scripts/temporal-cli.sh')], {
      stdio: ['ignore', 'pipe', 'inherit'],
      encoding: 'utf8',
    }).trim();
  } catch {
    throw new Error('No Temporal CLI is available (see the message above): set TEMPORAL_CLI or TEMPORAL_ADDRESS.');
  }
}

export async function waitForTemporal(
  address: string,
  namespace: string,
  timeoutMs: number,
  child?: ChildProcess,
  signal?: AbortSignal,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastErr: unknown;
  while (Date.now() < deadline) {
    signal?.throwIfAborted();
    if (child && child.exitCode !== null)
      throw new Error(`the Temporal server process exited with code ${child.exitCode}`);
    try {
      const conn = await Connection.connect({ address, connectTimeout: 1000 });
      try {
        await conn.workflowService.describeNamespace({ namespace });
        return;
      } finally {
        await conn.close();
      }
    } catch (err) {
      lastErr = err;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw new Error(
    `Temporal at ${address} did not answer within ${timeoutMs / 1000}s (${(lastErr as Error)?.message}): is it running? Check TEMPORAL_ADDRESS.`,
  );
}

export async function startTemporal(opts: {
  address?: string;
  namespaces: string[];
  dbFile?: string;
  port: number;
  uiPort?: number;
  /** The Web UI decodes payloads through this codec endpoint (api/temporal-codec/, issue 13). */
  uiCodecEndpoint?: string;
  log: Logger;
  /** A stop request while the server boots: it is stopped and the call rejects with the reason. */
  signal?: AbortSignal;
}): Promise<RunningTemporal> {
  const primary = opts.namespaces[0] ?? 'default';
  if (opts.address) {
    await waitForTemporal(opts.address, primary, 10_000, undefined, opts.signal);
    return { address: opts.address, stop: async () => undefined };
  }
  if (!(await isPortFree(opts.port))) throw new PortInUseError(opts.port, 'Temporal frontend', 'TEMPORAL_PORT');
  if (opts.uiPort && !(await isPortFree(opts.uiPort)))
    throw new PortInUseError(opts.uiPort, 'Temporal Web UI', 'TEMPORAL_UI_PORT');

  const bin = resolveTemporalCli();
  const args = [
    'server',
    'start-dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(opts.port),
    '--log-level',
    'warn',
    // The SDK's own CI uses these for speed; durability of the dev SQLite file is not the point.
    '--sqlite-pragma',
    'journal_mode=WAL',
    '--sqlite-pragma',
    'synchronous=OFF',
    // Off by default before server 1.32: the few regular activities left (notifications, slow
    // work) start in the worker that completes the workflow task, without a matching round trip.
    '--dynamic-config-value',
    'system.enableActivityEagerExecution=true',
  ];
  if (opts.dbFile) {
    fs.mkdirSync(path.dirname(opts.dbFile), { recursive: true });
    args.push('--db-filename', opts.dbFile);
  }
  if (opts.uiPort)
    args.push(
      '--ui-port',
      String(opts.uiPort),
      ...(opts.uiCodecEndpoint ? ['--ui-codec-endpoint', opts.uiCodecEndpoint] : []),
    );
  else args.push('--headless');
  for (const ns of opts.namespaces) if (ns !== 'default') args.push('--namespace', ns);
  for (const [name, type] of Object.entries(SEARCH_ATTRIBUTES)) args.push('--search-attribute', `${name}=${type}`);

  // Go's collector runs at GOGC=100 by default: on this 2-core machine a fifth of the server's
  // CPU under load. A larger heap (a few hundred MB more) buys it back (issue 15, measured with
  // `./ventanilla bench`); GOGC from the environment still wins.
  const env = { ...process.env, GOGC: process.env.GOGC ?? String(DEV_SERVER_GOGC) };
  const child = spawn(bin, args, { stdio: ['ignore', 'ignore', 'pipe'], env });
  const tail: string[] = [];
  child.stderr?.on('data', (b: Buffer) => {
    tail.push(b.toString());
    if (tail.length > 20) tail.shift();
  });
  const address = `127.0.0.1:${opts.port}`;
  try {
    await waitForTemporal(address, primary, 60_000, child, opts.signal);
  } catch (err) {
    // Awaited: the caller may exit right after, and must not leave the server behind.
    await stopProcess(child, opts.signal?.aborted ? 10_000 : 0);
    if (opts.signal?.aborted) throw err;
    throw new Error(`${(err as Error).message}. Server output: ${tail.join('').slice(-600)}`);
  }
  opts.log.info({ address, bin }, 'Temporal dev server ready');
  return {
    address,
    pid: child.pid,
    uiUrl: opts.uiPort ? `http://localhost:${opts.uiPort}` : undefined,
    stop: () => stopProcess(child, 10_000),
  };
}

/**
 * SIGTERM, then SIGKILL after `graceMs` (0: SIGKILL at once); resolves once the process has
 * exited. The fallback timer is NOT unref'd: a caller that exits before the child is really gone
 * leaves it running as an orphan.
 */
export function stopProcess(child: ChildProcess, graceMs: number): Promise<void> {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const force = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    if (graceMs > 0) child.kill('SIGTERM');
  });
}
