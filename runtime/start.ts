// `./ventanilla start`: the whole system on embedded defaults with demo data. PostgreSQL and
// the Temporal dev server keep their data under DATA_DIR, so a second start reuses it.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import '../db/types.js';
import { createDb, migrate } from '../db/knex.js';
import { DEMO_LOGINS, DEMO_PASSWORD, seedDemo } from '../db/seed/demo.js';
import { startApi } from '../api/server.js';
import { loadConfig, REPO_ROOT } from './config.js';
import { createLogger } from './logger.js';
import { ensureDatabase, startPostgres } from './postgres.js';
import { startTemporal } from './temporal-server.js';

const log = createLogger('start');
const stops: (() => Promise<unknown>)[] = [];

async function main(): Promise<void> {
  const config = loadConfig();
  const t0 = Date.now();
  const pg = await startPostgres({ databaseUrl: config.DATABASE_URL, dataDir: path.join(config.DATA_DIR, 'pg'), port: config.PG_PORT, log });
  stops.unshift(() => pg.stop());
  const databaseUrl = pg.embedded ? await ensureDatabase(pg.url, 'ventanilla') : pg.url;
  log.info({ embedded: pg.embedded }, 'PostgreSQL ready');

  const temporal = await startTemporal({
    address: config.TEMPORAL_ADDRESS, namespaces: [config.TEMPORAL_NAMESPACE],
    dbFile: path.join(config.DATA_DIR, 'temporal.db'), port: config.TEMPORAL_PORT, uiPort: config.TEMPORAL_UI_PORT, log,
  });
  stops.unshift(() => temporal.stop());

  const db = createDb(databaseUrl, 2);
  const applied = await migrate(db);
  const seeded = await seedDemo(db);
  await db.destroy();
  log.info({ migrations: applied.length, demoData: seeded ? 'loaded' : 'kept' }, 'database ready');

  const env = { ...process.env, DATABASE_URL: databaseUrl, TEMPORAL_ADDRESS: temporal.address };
  const worker = spawnChild('worker', ['--import', 'tsx', path.join(REPO_ROOT, 'runtime/worker.ts')], env);
  stops.unshift(() => stopChild(worker));
  const sfu = spawnChild('sfu', ['--import', 'tsx', path.join(REPO_ROOT, 'sfu/server.ts')], { ...env, PUBLIC_URL: config.publicUrl, SFU_PORT: String(config.SFU_PORT) });
  stops.unshift(() => stopChild(sfu));

  const api = await startApi({ ...config, DATABASE_URL: databaseUrl, TEMPORAL_ADDRESS: temporal.address }, createLogger('api'));
  stops.unshift(() => api.close());

  const ui = temporal.uiUrl ?? config.temporalUiUrl;
  console.log([
    '',
    `Ventanilla is up (${((Date.now() - t0) / 1000).toFixed(1)} s). Ctrl-C stops everything.`,
    `  Agent console    ${config.publicUrl}/`,
    `  Public display   ${config.publicUrl}/display/1  ·  Kiosk ${config.publicUrl}/kiosk/1  (branch 1: Sucursal Centro)`,
    `  Video SFU        ${config.sfuPublicUrl}`,
    `  Back office      ${config.publicUrl}/admin/`,
    `  API health       ${config.publicUrl}/api/health  ·  API docs ${config.publicUrl}/api/docs`,
    `  Temporal Web UI  ${ui}`,
    `  Demo logins (password "${DEMO_PASSWORD}"): ${DEMO_LOGINS.map((l) => `${l.email} — ${l.role}`).join('; ')}`,
    '',
  ].join('\n'));
}

function spawnChild(name: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, args, { env, stdio: 'inherit' });
  child.on('exit', (code, signal) => {
    if (!shuttingDown) {
      log.fatal({ code, signal }, `${name} exited unexpectedly; stopping everything`);
      void shutdown(1);
    }
  });
  return child;
}

const stopChild = (child: ChildProcess) => new Promise<void>((resolve) => {
  if (child.exitCode !== null || child.signalCode !== null) return resolve();
  // Not unref'd: we must not exit before the child is gone, or it outlives us as an orphan.
  const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
  child.once('exit', () => {
    clearTimeout(force);
    resolve();
  });
  child.kill('SIGTERM');
});

let shuttingDown = false;
async function shutdown(code: number): Promise<void> {
  if (shuttingDown) return;
  shuttingDown = true;
  log.info('stopping…');
  for (const stop of stops) {
    await stop().catch((err: unknown) => log.warn({ err: (err as Error).message }, 'a part did not stop cleanly'));
  }
  process.exit(code);
}

process.once('SIGINT', () => void shutdown(0));
process.once('SIGTERM', () => void shutdown(0));
main().catch((err: unknown) => {
  // One clear line for a person at a terminal: what is wrong and what to do (the messages are
  // written that way); the structured log keeps the details.
  log.debug({ err }, 'start failed');
  process.stderr.write(`ventanilla: ${(err as Error).message ?? String(err)}\n`);
  void shutdown(1);
});
