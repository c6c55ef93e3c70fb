// Capacity, not one load point: offered load climbs in rate steps until dispatch gets slow, for
// the Temporal path and the bare-SQL baseline alike, so their ratio compares like with like.
// Capacity = the highest offered rate whose finish → next calling p99 stays under the bound.
// Each step has a few too few agents for its rate (AGENT_SHARE of what the rate needs), so a
// queue always exists and every finish is followed by a dispatch: the metric then measures
// dispatch itself at every lifecycle, never an agent waiting for a customer.
import type { PathRun } from './paths.js';
import { summary } from './stats.js';

export const AGENT_SHARE = 0.9;
/** A step whose tickets arrived slower than this share of its rate was not offered that rate. */
export const OFFERED_SHARE = 0.9;

export interface RampOptions {
  startRate: number;
  factor: number;
  maxRate: number;
  seconds: number;
  boundMs: number;
  serviceTimeMs: [number, number];
}

export interface RampStep<R extends PathRun = PathRun> {
  rate: number;
  run: R;
  finishToNext: ReturnType<typeof summary>;
  /** Under the bound, with no lost, duplicated or double-assigned ticket. */
  ok: boolean;
  /** Why a step did not pass, for the table. */
  why?: string;
}

export interface RampResult<R extends PathRun = PathRun> {
  steps: RampStep<R>[];
  /** The last step that passed; null when even the first did not. */
  capacity: RampStep<R> | null;
  /** True when the top rate passed too: capacity is at least that. */
  toppedOut: boolean;
}

export function rampRates(o: RampOptions): number[] {
  const rates: number[] = [];
  for (let r = o.startRate; r <= o.maxRate + 1e-9; r *= o.factor) rates.push(Math.round(r * 10) / 10);
  return rates;
}

export function agentsFor(rate: number, serviceTimeMs: [number, number]): number {
  const meanSeconds = (serviceTimeMs[0] + serviceTimeMs[1]) / 2000;
  return Math.max(1, Math.floor(rate * meanSeconds * AGENT_SHARE));
}

const clean = (r: PathRun) => !r.verdict.lost && !r.verdict.duplicatedSteps && !r.verdict.doubleAssignments;

/** Runs steps until one fails (then stops: the next would only queue more) or the top rate passes. */
export async function ramp<R extends PathRun>(
  o: RampOptions,
  runStep: (rate: number, agents: number) => Promise<R>,
  progress: (line: string) => void,
): Promise<RampResult<R>> {
  const steps: RampStep<R>[] = [];
  for (const rate of rampRates(o)) {
    const run = await runStep(rate, agentsFor(rate, o.serviceTimeMs));
    const finishToNext = summary(run.latencies.finishToNext);
    // A step passes only at the rate it claims (the SQL baseline's one process falls behind at
    // high rates and would pass at a lower one), and with enough samples to show a p99.
    const v = run.verdict;
    const why = !clean(run)
      ? `lost ${v.lost}, duplicated ${v.duplicatedSteps}, double ${v.doubleAssignments}`
      : run.offered < rate * OFFERED_SHARE
        ? `the driver issued only ${run.offered.toFixed(1)}/s`
        : finishToNext.n < 10
          ? `only ${finishToNext.n} dispatches after a finish`
          : finishToNext.p99 > o.boundMs
            ? 'p99 over the bound'
            : undefined;
    const ok = why === undefined;
    steps.push({ rate, run, finishToNext, ok, why });
    progress(
      `${rate}/s with ${run.agents} agents: finish → next p99 ${finishToNext.p99.toFixed(0)} ms (n ${finishToNext.n}), ${run.throughput.toFixed(1)} lifecycles/s — ${why ?? 'passes'}`,
    );
    if (!ok) break;
  }
  const passed = steps.filter((s) => s.ok);
  const capacity = passed.at(-1) ?? null;
  return { steps, capacity, toppedOut: steps.length > 0 && steps.every((s) => s.ok) };
}
