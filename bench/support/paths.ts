// The two ways the bench does the same branch's work, each measured the same way: through the
// real system (API → Temporal → worker → PostgreSQL, events over socket.io) and straight in SQL
// from this process. Each run gets a fresh branch, so runs never see each other's tickets.
import { cpuPerLifecycle, cpuSnapshot } from './cpu.js';
import { createBenchOrg } from './org.js';
import { runLoad, timelineLatencies, type LoadOptions, type LoadSample } from './run-load.js';
import { runSqlBaseline } from './sql-baseline.js';
import type { System } from './system.js';
import { verify, type Verdict } from './verify.js';

export interface PathRun {
  branchId: number;
  agents: number;
  /** Tickets per second actually issued (a saturated driver falls behind the asked rate). */
  offered: number;
  latencies: Awaited<ReturnType<typeof timelineLatencies>>;
  verdict: Verdict;
  /** CPU ms per finished lifecycle, per process, over the load window. */
  cpu: Map<string, number>;
  /** Full lifecycles per second over the span from the first arrival to the last finish. */
  throughput: number;
}

/**
 * Four services, or fewer when there are fewer agents: each agent covers its main service and the
 * next one, so with fewer agents than services some tickets would wait for ever.
 */
const servicesFor = (agents: number) => Math.min(4, agents);

/** From the first to the last ticket's arrival in the branch. */
async function offeredRate(sys: System, branchId: number): Promise<number> {
  const row = (await sys
    .db('tickets')
    .where({ branch_id: branchId })
    .first(sys.db.raw('count(*)::int as n, extract(epoch from max(arrival_at) - min(arrival_at)) as s'))) as
    { n: number; s: string | number | null } | undefined;
  const seconds = Number(row?.s ?? 0);
  return row && row.n > 1 && seconds > 0 ? (row.n - 1) / seconds : 0;
}

const throughputOf = (l: PathRun['latencies']) => (l.spanSeconds > 0 ? l.lifecycles / l.spanSeconds : 0);

/** What one path's run cost and gave, read the same way for both paths. */
async function measured(
  sys: System,
  branchId: number,
  agents: number,
  before: ReturnType<typeof cpuSnapshot>,
  after: ReturnType<typeof cpuSnapshot>,
  issuedIds: string[],
): Promise<PathRun> {
  const latencies = await timelineLatencies(sys.db, branchId);
  return {
    branchId,
    agents,
    offered: await offeredRate(sys, branchId),
    latencies,
    verdict: await verify(sys.db, branchId, issuedIds),
    cpu: cpuPerLifecycle(before, after, latencies.lifecycles),
    throughput: throughputOf(latencies),
  };
}

export async function temporalPath(
  sys: System,
  agents: number,
  opts: LoadOptions,
): Promise<PathRun & { sample: LoadSample }> {
  const org = await createBenchOrg(sys.db, { agents, services: servicesFor(agents) });
  let before = new Map<string, number>();
  const sample = await runLoad(sys.apiUrls, sys.db, org, {
    ...opts,
    onIssueStart: () => {
      before = cpuSnapshot(sys.processes());
    },
  });
  const after = cpuSnapshot(sys.processes());
  return { ...(await measured(sys, org.branchId, agents, before, after, sample.issuedIds)), sample };
}

export async function sqlPath(sys: System, agents: number, opts: LoadOptions): Promise<PathRun> {
  const org = await createBenchOrg(sys.db, { agents, services: servicesFor(agents), label: 'Q' });
  const before = cpuSnapshot(sys.processes());
  await runSqlBaseline(sys.db, org, opts);
  const after = cpuSnapshot(sys.processes());
  return measured(sys, org.branchId, agents, before, after, []);
}
