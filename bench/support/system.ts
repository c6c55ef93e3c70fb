// A whole local system for benchmarks and fault runs, every part its own process so each can be
// killed with SIGKILL and restarted: PostgreSQL (embedded), the Temporal dev server (SQLite
// file), the worker and the API.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../db/knex.js';
import { REPO_ROOT } from '../../platform/config.js';
import { createLogger } from '../../platform/logger.js';
import { freePort, isPortFree } from '../../platform/ports.js';
import { startPostgres, type RunningPostgres } from '../../runtime/postgres.js';
import { startScratch } from '../../runtime/scratch.js';
import { startTemporal, waitForTemporal, type RunningTemporal } from '../../runtime/temporal-server.js';

export type Part = 'worker' | 'api' | 'temporal' | 'postgres';

export interface System {
  db: Db;
  dbUrl: string;
  apiUrl: string;
  temporalAddress: string;
  /** SIGKILL one part; `restart` brings it back on the same data and port. */
  kill(part: Part): Promise<void>;
  restart(part: Part): Promise<void>;
  stop(): Promise<void>;
}

const log = createLogger('bench-system', process.env.LOG_LEVEL ?? 'warn');

export async function startSystem(): Promise<System> {
  // The Temporal dev server keeps a file, so a killed one restarts with its workflows.
  const scratch = await startScratch({ log, dbName: 'bench', persistTemporal: true });
  const { db, dbUrl, pgDir, pgPort, temporalPort } = scratch;
  let { pg, temporal }: { pg: RunningPostgres; temporal: RunningTemporal } = scratch;
  const apiPort = await freePort();

  const env = {
    ...process.env,
    DATABASE_URL: dbUrl,
    TEMPORAL_ADDRESS: temporal.address,
    API_PORT: String(apiPort),
    LOG_LEVEL: 'warn',
    NODE_ENV: 'development',
  };
  const procs: Partial<Record<'worker' | 'api', ChildProcess>> = {};
  const launch = (part: 'worker' | 'api') => {
    const file = part === 'worker' ? 'runtime/worker.ts' : 'api/server.ts';
    procs[part] = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, file)], {
      env,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  };
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  // Healthy = database, Temporal and a polling worker; a busy 2-core machine needs well over 30 s.
  const apiReady = async () => {
    let last = 'no answer';
    for (const end = Date.now() + 120_000; Date.now() < end;) {
      try {
        const res = await fetch(`${apiUrl}/api/health`);
        if (res.status === 200) return;
        last = `${res.status} ${await res.text()}`;
      } catch {
        /* not listening yet */
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`API did not become healthy in 120 s (last answer: ${last})`);
  };
  const killProc = (c: ChildProcess | undefined) =>
    new Promise<void>((resolve) => {
      if (!c || c.exitCode !== null || c.signalCode !== null) return resolve();
      c.once('exit', () => resolve());
      c.kill('SIGKILL');
    });
  launch('worker');
  launch('api');
  try {
    await apiReady();
  } catch (err) {
    // Nothing of a failed start may outlive this process.
    await Promise.all([killProc(procs.api), killProc(procs.worker)]);
    await scratch.stop();
    throw err;
  }
  const postmasterPid = () => Number(fs.readFileSync(path.join(pgDir, 'postmaster.pid'), 'utf8').split('\n')[0]);

  return {
    db,
    dbUrl,
    apiUrl,
    temporalAddress: temporal.address,
    async kill(part) {
      if (part === 'worker' || part === 'api') return killProc(procs[part]);
      if (part === 'temporal') {
        if (temporal.pid) process.kill(temporal.pid, 'SIGKILL');
        for (let i = 0; i < 50 && !(await isPortFree(temporalPort)); i++) await new Promise((r) => setTimeout(r, 100));
        return;
      }
      process.kill(postmasterPid(), 'SIGKILL');
    },
    async restart(part) {
      if (part === 'worker' || part === 'api') {
        launch(part);
        if (part === 'api') await apiReady();
        return;
      }
      if (part === 'temporal') {
        temporal = await startTemporal({
          namespaces: ['default'],
          dbFile: scratch.temporalDbFile,
          port: temporalPort,
          log,
        });
        await waitForTemporal(temporal.address, 'default', 30_000);
        return;
      }
      // The killed postmaster's children exit when they notice; wait for the port to free up.
      for (let i = 0; i < 100; i++) {
        try {
          pg = await startPostgres({ dataDir: pgDir, port: pgPort, log });
          return;
        } catch {
          await new Promise((r) => setTimeout(r, 200));
        }
      }
      throw new Error('PostgreSQL did not restart');
    },
    async stop() {
      await killProc(procs.api);
      await killProc(procs.worker);
      await scratch.stop({ pg, temporal });
    },
  };
}
