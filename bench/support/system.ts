// A whole local system for benchmarks and fault runs, every part its own process so each can be
// killed with SIGKILL and restarted: PostgreSQL (embedded), Temporal, the worker(s) and the
// API(s). Two topologies:
//   dev         the Temporal dev server (SQLite file, one history shard), one worker, one API;
//   production  the real Temporal server on the same PostgreSQL with N history shards, two
//               workers and two APIs (runtime/temporal-cluster/), as docker-compose scales out.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../db/knex.js';
import { REPO_ROOT } from '../../platform/config.js';
import { createLogger } from '../../platform/logger.js';
import { freePort, isPortFree } from '../../platform/ports.js';
import { startPostgres, type RunningPostgres } from '../../runtime/postgres.js';
import { startScratch } from '../../runtime/scratch.js';
import { DEFAULT_HISTORY_SHARDS } from '../../runtime/temporal-cluster/config.js';
import { startCluster } from '../../runtime/temporal-cluster/server.js';
import { startTemporal, waitForTemporal, type RunningTemporal } from '../../runtime/temporal-server.js';

export type Part = 'worker' | 'api' | 'temporal' | 'postgres';
export type Topology = 'dev' | 'production';

export interface SystemOptions {
  topology?: Topology;
  /** History shards of the production topology's server (fixed when its cluster is created). */
  shards?: number;
}

export interface System {
  db: Db;
  dbUrl: string;
  /** The first API; `apiUrls` lists every API process (two in the production topology). */
  apiUrl: string;
  apiUrls: string[];
  temporalAddress: string;
  /** Which Temporal serves it, for the report. */
  temporalLabel: string;
  /** Every server process by name, for CPU accounting (bench/support/cpu.ts). */
  processes(): { name: string; pid: number }[];
  /** SIGKILL one part (every process of it); `restart` brings it back on the same data and port. */
  kill(part: Part): Promise<void>;
  restart(part: Part): Promise<void>;
  stop(): Promise<void>;
}

const log = createLogger('bench-system', process.env.LOG_LEVEL ?? 'warn');

export async function startSystem(opts: SystemOptions = {}): Promise<System> {
  const topology = opts.topology ?? 'dev';
  const shards = opts.shards ?? DEFAULT_HISTORY_SHARDS;
  const production = topology === 'production';
  // The Temporal dev server keeps a file, so a killed one restarts with its workflows.
  const scratch = await startScratch({
    log,
    dbName: 'bench',
    persistTemporal: true,
    temporal: production
      ? ({ pgUrl, dir }) => startCluster({ pgUrl, dir, shards, namespace: 'default', log })
      : undefined,
  });
  const { db, dbUrl, pgDir, pgPort, temporalPort } = scratch;
  let { pg, temporal }: { pg: RunningPostgres; temporal: RunningTemporal } = scratch;
  const count = production ? 2 : 1;
  const apiPorts = await Promise.all(Array.from({ length: count }, () => freePort()));
  const apiUrls = apiPorts.map((p) => `http://127.0.0.1:${p}`);

  const env = {
    ...process.env,
    DATABASE_URL: dbUrl,
    TEMPORAL_ADDRESS: temporal.address,
    LOG_LEVEL: 'warn',
    NODE_ENV: 'development',
    // The bench reads CPU from /proc; a metrics listener per worker would collide on one port.
    WORKER_METRICS_PORT: '0',
  };
  const procs: Record<'worker' | 'api', (ChildProcess | undefined)[]> = { worker: [], api: [] };
  const launch = (part: 'worker' | 'api') => {
    const file = part === 'worker' ? 'runtime/worker.ts' : 'api/server.ts';
    procs[part] = Array.from({ length: count }, (_, i) =>
      spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, file)], {
        env: { ...env, API_PORT: String(apiPorts[i]) },
        stdio: ['ignore', 'ignore', 'inherit'],
      }),
    );
  };
  // Healthy = database, Temporal and a polling worker; a busy 2-core machine needs well over 30 s.
  const apiReady = async (apiUrl: string) => {
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
    throw new Error(`API ${apiUrl} did not become healthy in 120 s (last answer: ${last})`);
  };
  const allReady = () => Promise.all(apiUrls.map(apiReady));
  const killProc = (c: ChildProcess | undefined) =>
    new Promise<void>((resolve) => {
      if (!c || c.exitCode !== null || c.signalCode !== null) return resolve();
      c.once('exit', () => resolve());
      c.kill('SIGKILL');
    });
  const killPart = async (part: 'worker' | 'api') => {
    await Promise.all(procs[part].map(killProc));
  };
  launch('worker');
  launch('api');
  try {
    await allReady();
  } catch (err) {
    // Nothing of a failed start may outlive this process.
    await Promise.all([killPart('api'), killPart('worker')]);
    await scratch.stop();
    throw err;
  }
  const postmasterPid = () => Number(fs.readFileSync(path.join(pgDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const onlyDev = (what: string) => {
    if (production)
      throw new Error(
        `${what} is only supported on the dev topology: run the fault runs without --topology production.`,
      );
  };

  return {
    db,
    dbUrl,
    apiUrl: apiUrls[0]!,
    apiUrls,
    temporalAddress: temporal.address,
    temporalLabel: production
      ? `Temporal server on PostgreSQL, ${shards} history shards`
      : 'Temporal dev server (SQLite, 1 history shard)',
    processes() {
      const named = (label: string, list: (ChildProcess | undefined)[]) =>
        list.map((c, i) => ({ name: count > 1 ? `${label} ${i + 1}` : label, pid: c?.pid ?? 0 }));
      return [
        { name: 'PostgreSQL', pid: postmasterPid() },
        { name: production ? 'Temporal server' : 'Temporal dev server', pid: temporal.pid ?? 0 },
        ...named('worker', procs.worker),
        ...named('API', procs.api),
      ].filter((p) => p.pid > 0);
    },
    async kill(part) {
      if (part === 'worker' || part === 'api') return killPart(part);
      if (part === 'temporal') {
        onlyDev('Killing Temporal');
        if (temporal.pid) process.kill(temporal.pid, 'SIGKILL');
        for (let i = 0; i < 50 && !(await isPortFree(temporalPort)); i++) await new Promise((r) => setTimeout(r, 100));
        return;
      }
      process.kill(postmasterPid(), 'SIGKILL');
    },
    async restart(part) {
      if (part === 'worker' || part === 'api') {
        launch(part);
        if (part === 'api') await allReady();
        return;
      }
      if (part === 'temporal') {
        onlyDev('Restarting Temporal');
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
      await killPart('api');
      await killPart('worker');
      await scratch.stop({ pg, temporal });
    },
  };
}
