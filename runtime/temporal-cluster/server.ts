// The production Temporal server on this machine: the real `temporal-server` (not the CLI's dev
// server) on PostgreSQL, with N history shards, all four services in one process. What
// docker-compose runs, minus Docker; the bench's `--topology production` stands on it.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../platform/config.js';
import type { Logger } from '../../platform/logger.js';
import { freePort, isPortFree } from '../../platform/ports.js';
import { stopProcess, waitForTemporal, type RunningTemporal } from '../temporal-server.js';
import { clusterConfigYaml, type ClusterPorts } from './config.js';
import { setUpNamespace } from './namespace.js';
import { createClusterSchema, resolveTemporalServer } from './schema.js';

/** Production reads it every 10 s; a bench creates its namespace seconds before the load. */
const CACHE_REFRESH_MS = 2000;

export interface RunningCluster extends RunningTemporal {
  pid: number;
  shards: number;
}

/**
 * A free port the membership table can hold: its rpc_port column is a smallint, so the OS's
 * ephemeral ports (32768 and up, what freePort returns) make the server exit at start.
 */
async function freeMembershipPort(taken: Set<number>): Promise<number> {
  for (let i = 0; i < 200; i++) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    if (!taken.has(port) && (await isPortFree(port))) {
      taken.add(port);
      return port;
    }
  }
  throw new Error('No free port between 20000 and 32000 for Temporal membership: free some and retry.');
}

async function freePorts(): Promise<ClusterPorts> {
  const [frontend, frontendHttp, history, matching, worker] = await Promise.all(
    Array.from({ length: 5 }, () => freePort()),
  );
  const taken = new Set<number>();
  const membership = {
    frontend: await freeMembershipPort(taken),
    history: await freeMembershipPort(taken),
    matching: await freeMembershipPort(taken),
    worker: await freeMembershipPort(taken),
  };
  return {
    frontend: frontend!,
    frontendHttp: frontendHttp!,
    history: history!,
    matching: matching!,
    worker: worker!,
    membership,
  };
}

export async function startCluster(opts: {
  /** The PostgreSQL server's maintenance URL (its user creates Temporal's databases). */
  pgUrl: string;
  /** A folder for the config files (the caller deletes it). */
  dir: string;
  shards: number;
  namespace: string;
  retentionDays?: number;
  log: Logger;
}): Promise<RunningCluster> {
  const bins = resolveTemporalServer();
  const databases = await createClusterSchema(bins, opts.pgUrl, opts.log);
  const ports = await freePorts();
  const configDir = path.join(opts.dir, 'temporal-config');
  fs.mkdirSync(configDir, { recursive: true });
  // docker-compose's dynamic config, plus what only a bench needs.
  const dynamicConfigFile = path.join(configDir, 'dynamicconfig.yaml');
  fs.writeFileSync(
    dynamicConfigFile,
    `${fs.readFileSync(path.join(REPO_ROOT, 'deploy/temporal/dynamicconfig.yaml'), 'utf8')}\n` +
      `system.namespaceCacheRefreshInterval:\n  - value: ${CACHE_REFRESH_MS / 1000}s\n`,
  );
  const pg = new URL(opts.pgUrl);
  fs.writeFileSync(
    path.join(configDir, 'production.yaml'),
    clusterConfigYaml({
      pg: {
        host: pg.hostname,
        port: Number(pg.port),
        user: decodeURIComponent(pg.username),
        password: decodeURIComponent(pg.password),
      },
      databases,
      numHistoryShards: opts.shards,
      ports,
      dynamicConfigFile,
    }),
    { mode: 0o600 }, // it holds the database password
  );

  // No authorizer, as in docker-compose: the frontend listens on 127.0.0.1 only.
  const args = ['--root', opts.dir, '--config', 'temporal-config', '--env', 'production', '--allow-no-auth', 'start'];
  const child = spawn(bins.server, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const tail: string[] = [];
  const keep = (b: Buffer) => {
    tail.push(b.toString());
    if (tail.length > 30) tail.shift();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const address = `127.0.0.1:${ports.frontend}`;
  try {
    // temporal-system exists from the first start; the app's namespace is created next.
    await waitForTemporal(address, 'temporal-system', 120_000, child);
    await setUpNamespace({
      address,
      namespace: opts.namespace,
      retentionDays: opts.retentionDays ?? 1,
      cacheRefreshMs: CACHE_REFRESH_MS,
    });
  } catch (err) {
    await stopProcess(child, 0);
    throw new Error(
      `The production Temporal server did not become ready: ${(err as Error).message}. Its last output: ${tail.join('').slice(-1200)}`,
    );
  }
  opts.log.info({ address, shards: opts.shards, bin: bins.server }, 'Temporal server (PostgreSQL) ready');
  return { address, pid: child.pid!, shards: opts.shards, stop: () => stopProcess(child, 10_000) };
}
