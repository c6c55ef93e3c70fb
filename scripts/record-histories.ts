// Records representative workflow histories for the replay test (workflows/replay.test.ts):
// brings up a throw-away PostgreSQL + Temporal dev server, runs each scenario against the
// current code, and writes workflows/<entity>/histories/<scenario>.json.
// Run: npx tsx scripts/record-histories.ts [--suffix NAME]
// `--suffix local-steps` records every scenario again under `<scenario>-local-steps.json`: after a
// patched() change, the old files keep guarding running workflows and the new ones guard the new path.
import fs from 'node:fs';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { execFileSync } from 'node:child_process';
import { NativeConnection } from '@temporalio/worker';
import '../db/types.js';
import { REPO_ROOT } from '../platform/config.js';
import { createLogger } from '../platform/logger.js';
import { resolveTemporalCli } from '../runtime/temporal-server.js';
import { startScratch } from '../runtime/scratch.js';
import { createWorker } from '../runtime/worker-factory.js';
import { scenarios, type Recorded } from './history-scenarios.js';

const log = createLogger('record');
const at = process.argv.indexOf('--suffix');
const suffix = at > 0 && process.argv[at + 1] ? `-${process.argv[at + 1]}` : '';
const scratch = await startScratch({ log, dbName: 'record' });
const { db, temporal } = scratch;
try {
  const connection = await Connection.connect({ address: temporal.address });
  const client = new Client({ connection });
  const nativeConnection = await NativeConnection.connect({ address: temporal.address });
  const taskQueue = 'record';
  const worker = await createWorker({
    connection: nativeConnection,
    namespace: 'default',
    taskQueue,
    db,
    temporal: client,
    // Recorded histories are fixtures in the repository that must replay under any key: they
    // hold demo data only and are kept in clear (the codec passes clear payloads through).
    codec: null,
  });
  await worker.runUntil(async () => {
    for (const sc of scenarios) {
      const ran = await sc.run({ db, client, taskQueue });
      const recorded: Recorded[] = Array.isArray(ran)
        ? ran
        : typeof ran === 'string'
          ? [{ entity: sc.entity, name: sc.name, workflowId: ran }]
          : [{ entity: sc.entity, name: sc.name, ...ran }];
      for (const r of recorded) {
        const file = path.join(REPO_ROOT, 'workflows', r.entity, 'histories', `${r.name}${suffix}.json`);
        // A recorded history is a contract with workflows already running: never rewrite one.
        if (fs.existsSync(file) && !process.argv.includes('--force')) {
          log.info({ file: path.relative(REPO_ROOT, file) }, 'kept (exists)');
          continue;
        }
        await client.workflow.getHandle(r.workflowId).result(); // the scenario ends its workflows
        // The CLI's JSON is the format historyFromJSON reads.
        const json = execFileSync(
          resolveTemporalCli(),
          [
            'workflow',
            'show',
            '--address',
            temporal.address,
            '-w',
            r.workflowId,
            ...(r.runId ? ['-r', r.runId] : []),
            '--output',
            'json',
          ],
          { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
        );
        const history = JSON.parse(json) as { events?: unknown[] };
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(
          file,
          JSON.stringify({ workflowId: r.workflowId, recordedAt: new Date().toISOString(), history }, null, 1),
        );
        log.info({ file: path.relative(REPO_ROOT, file), events: history.events?.length }, 'recorded');
      }
    }
  });
  await nativeConnection.close();
  await connection.close();
} finally {
  await scratch.stop();
}
