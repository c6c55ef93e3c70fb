// Fault runs (issue 9): under load, kill -9 the worker, the API, the Temporal dev server and
// PostgreSQL in turn, restart each, and verify afterwards that every ticket reached a legal end
// state, no timeline has a duplicated or missing step, and no agent held two tickets.
//   ./ventanilla faults [--agents 8] [--rate 4] [--seconds 16] [--down-ms 3000]
import { parseArgs } from 'node:util';
import { createBenchOrg } from './support/org.js';
import { runLoad } from './support/run-load.js';
import { startSystem, type Part } from './support/system.js';
import { verify } from './support/verify.js';

const { values } = parseArgs({ options: {
  agents: { type: 'string', default: '8' }, rate: { type: 'string', default: '4' },
  seconds: { type: 'string', default: '16' }, 'down-ms': { type: 'string', default: '3000' },
  only: { type: 'string' }, // one part, e.g. --only postgres
} });
const down = Number(values['down-ms']);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

console.log('Starting a fresh local system (PostgreSQL, Temporal dev server, worker, API)…');
const sys = await startSystem();
const results: { part: Part; tickets: number; lost: number; duplicated: number; double: number; seconds: number }[] = [];
try {
  const parts = (['worker', 'api', 'temporal', 'postgres'] as Part[]).filter((p) => !values.only || p === values.only);
  for (const part of parts) {
    const org = await createBenchOrg(sys.db, { agents: Number(values.agents), services: 3, label: part.slice(0, 1).toUpperCase() });
    console.log(`\n== fault: kill -9 ${part} under load ==`);
    const t0 = Date.now();
    const sample = await runLoad(sys.apiUrl, sys.db, org, {
      ratePerSecond: Number(values.rate), durationSeconds: Number(values.seconds), serviceTimeMs: [100, 400], drainTimeoutSeconds: 180,
      progress: (l) => console.log(`  ${l}`),
      midway: async () => {
        await sys.kill(part);
        console.log(`  ✖ killed ${part} (SIGKILL); down for ${down} ms`);
        await sleep(down);
        await sys.restart(part);
        console.log(`  ✔ restarted ${part}`);
      },
    });
    const v = await verify(sys.db, org.branchId, sample.issuedIds);
    const seconds = (Date.now() - t0) / 1000;
    results.push({ part, tickets: v.tickets, lost: v.lost, duplicated: v.duplicatedSteps, double: v.doubleAssignments, seconds });
    console.log(`  ${part}: ${v.tickets} tickets, ${v.lost} lost, ${v.duplicatedSteps} duplicated, ${v.doubleAssignments} double assignments (issue errors ${sample.issueErrors}, ${seconds.toFixed(0)} s)`);
  }
  console.log('\n| fault | tickets | lost | duplicated | double assignments | run |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const r of results) console.log(`| kill -9 ${r.part} | ${r.tickets} | ${r.lost} | ${r.duplicated} | ${r.double} | ${r.seconds.toFixed(0)} s |`);
  const bad = results.filter((r) => r.lost || r.duplicated || r.double);
  console.log(bad.length ? `\nFAILED: ${bad.map((r) => r.part).join(', ')}` : `\nall faults: 0 lost, 0 duplicated`);
  process.exitCode = bad.length ? 1 : 0;
} finally {
  await sys.stop();
}
