// Records representative workflow histories for the replay test (workflows/replay.test.ts):
// brings up a throw-away PostgreSQL + Temporal dev server, runs each scenario against the
// current code, and writes workflows/<entity>/histories/<scenario>.json.
// Run: npx tsx scripts/record-histories.ts
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { execFileSync } from 'node:child_process';
import { NativeConnection } from '@temporalio/worker';
import '../db/types.js';
import { createDb, migrate } from '../db/knex.js';
import { REPO_ROOT } from '../runtime/config.js';
import { createLogger } from '../runtime/logger.js';
import { freePort } from '../runtime/ports.js';
import { ensureDatabase, startPostgres } from '../runtime/postgres.js';
import { resolveTemporalCli, startTemporal } from '../runtime/temporal-server.js';
import { createWorker } from '../runtime/worker-factory.js';
import { scenarios } from './history-scenarios.js';

const log = createLogger('record');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ventanilla-record-'));
fs.chmodSync(tmp, 0o755);
const pg = await startPostgres({ dataDir: path.join(tmp, 'pg'), port: await freePort(), log });
const temporal = await startTemporal({ namespaces: ['default'], port: await freePort(), log });
try {
  const url = await ensureDatabase(pg.url, 'record');
  const db = createDb(url, 5);
  await migrate(db);
  const connection = await Connection.connect({ address: temporal.address });
  const client = new Client({ connection });
  const nativeConnection = await NativeConnection.connect({ address: temporal.address });
  const taskQueue = 'record';
  const worker = await createWorker({ connection: nativeConnection, namespace: 'default', taskQueue, db });
  await worker.runUntil(async () => {
    for (const sc of scenarios) {
      const ran = await sc.run({ db, client, taskQueue });
      const { workflowId, runId } = typeof ran === 'string' ? { workflowId: ran, runId: undefined } : ran;
      await client.workflow.getHandle(workflowId).result(); // the scenario ends its ticket
      // The CLI's JSON is the format historyFromJSON reads (the SDK's own historyToJSON trips
      // over the two protobufjs copies npm installs).
      const json = execFileSync(resolveTemporalCli(), ['workflow', 'show', '--address', temporal.address, '-w', workflowId,
        ...(runId ? ['-r', runId] : []), '--output', 'json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      const history = JSON.parse(json) as { events?: unknown[] };
      const file = path.join(REPO_ROOT, 'workflows', sc.entity, 'histories', `${sc.name}.json`);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, JSON.stringify({ workflowId, recordedAt: new Date().toISOString(), history }, null, 1));
      log.info({ file: path.relative(REPO_ROOT, file), events: history.events?.length }, 'recorded');
    }
  });
  await nativeConnection.close();
  await connection.close();
  await db.destroy();
} finally {
  await temporal.stop();
  await pg.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
}
