// Warm runs of one case: the first run is discarded (caches, plans, the API's first touch), then
// up to `runs`. A slow case (a run over `slowMs`) stops after `slowRuns` measured runs, so a
// year-long report that takes most of a minute today does not hold the bench for an hour.
import { summary } from './stats.js';

export interface CaseResult {
  group: string;
  name: string;
  scope: string;
  range: string;
  targetMs: number;
  n: number;
  p50: number;
  p95: number;
  max: number;
  ok: boolean;
  note?: string;
}

export interface MeasureOpts {
  runs: number;
  slowMs: number;
  slowRuns: number;
  say: (l: string) => void;
}

export interface Case {
  group: string;
  name: string;
  scope: string;
  range: string;
  targetMs: number;
  run: () => Promise<number>;
}

export async function measure(c: Case, opts: MeasureOpts): Promise<CaseResult> {
  const label = [c.group, c.name, c.scope, c.range].filter(Boolean).join(' · ');
  const warm = await c.run();
  const times: number[] = [];
  let slow = warm > opts.slowMs;
  while (times.length < (slow ? Math.min(opts.runs, opts.slowRuns) : opts.runs)) {
    const ms = await c.run();
    times.push(ms);
    if (ms > opts.slowMs) slow = true;
  }
  const s = summary(times);
  // Both the median and the tail must be within the target (a relative target is judged later).
  const ok = s.p50 <= c.targetMs && s.p95 <= c.targetMs;
  opts.say(
    `${label}: median ${fmtMs(s.p50)}, p95 ${fmtMs(s.p95)} over ${s.n} runs (warm-up ${fmtMs(warm)})${Number.isFinite(c.targetMs) ? (ok ? ' ✓' : ' ✗') : ''}`,
  );
  return {
    group: c.group,
    name: c.name,
    scope: c.scope,
    range: c.range,
    targetMs: c.targetMs,
    n: s.n,
    p50: s.p50,
    p95: s.p95,
    max: s.max,
    ok,
  };
}

export const fmtMs = (ms: number): string =>
  Number.isNaN(ms) ? '—' : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 1 : 0)} ms`;
