// The bench's tables (Markdown, so a run pastes into an issue as it is).
import type { FanoutReport } from './fanout.js';
import type { HistoryCost } from './history-cost.js';
import type { RampResult } from './ramp.js';
import { fmt, summary } from './stats.js';

type Summary = ReturnType<typeof summary>;
const line = (cells: (string | number)[]) => console.log(`| ${cells.join(' | ')} |`);

export function printLatencies(rows: Record<string, readonly [Summary, Summary | null]>): void {
  console.log('\n| latency | n | p50 | p95 | p99 | SQL p50 | SQL p99 |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const [name, [a, b]] of Object.entries(rows))
    line([name, a.n, fmt(a.p50), fmt(a.p95), fmt(a.p99), b ? fmt(b.p50) : '—', b ? fmt(b.p99) : '—']);
}

/** One column per measured run (e.g. Temporal path, SQL baseline); one row per process. */
export function printCpu(columns: { label: string; cpu: Map<string, number> }[]): void {
  console.log(`\n| CPU ms per lifecycle | ${columns.map((c) => c.label).join(' | ')} |`);
  console.log(`| --- |${columns.map(() => ' ---: |').join('')}`);
  const names = [...new Set(columns.flatMap((c) => [...c.cpu.keys()]))];
  const cell = (v: number | undefined) => (v === undefined ? '—' : v.toFixed(1));
  for (const name of names) line([name, ...columns.map((c) => cell(c.cpu.get(name)))]);
  line(['**total**', ...columns.map((c) => cell([...c.cpu.values()].reduce((a, b) => a + b, 0)))]);
}

export function printHistoryCost(cost: HistoryCost): void {
  const c = cost.perLifecycle;
  console.log(
    `Temporal per lifecycle (ticket + its share of the shifts, ${cost.lifecycles} finished): ${(c.workflowTasks + c.activityTasks).toFixed(1)} tasks = ${c.workflowTasks} workflow tasks + ${c.activityTasks} activity tasks · ${c.localActivities} local activities (no task) · ${c.events} events · ${c.timers} timers · ${c.signals} signals · ${c.updates} updates`,
  );
  const w = summary(cost.intake.waitedMs);
  const r = summary(cost.intake.ranMs);
  console.log(
    `A ticket's first workflow task (its registration): waited for a worker p50 ${fmt(w.p50)} / p99 ${fmt(w.p99)}, ran in the worker p50 ${fmt(r.p50)} / p99 ${fmt(r.p99)}`,
  );
}

/** Which API's socket clients heard the tickets each API issued. */
export function printFanout(f: FanoutReport): void {
  if (f.apis < 2) return;
  const apis = Array.from({ length: f.apis }, (_, i) => `API ${i + 1}`);
  console.log(`\n| tickets issued through | ${apis.map((a) => `heard by clients of ${a}`).join(' | ')} |`);
  console.log(`| --- |${apis.map(() => ' ---: |').join('')}`);
  for (let i = 0; i < f.apis; i++)
    line([`${apis[i]} (${f.issued[i]})`, ...f.heard[i]!.map((n) => `${n}/${f.issued[i]}`)]);
  console.log(`tickets some API's clients never heard of: ${f.missed} (must be 0)`);
}

export function printRamp(paths: { label: string; result: RampResult }[], boundMs: number): void {
  console.log(`\nCapacity = highest offered rate whose finish → next calling p99 ≤ ${boundMs} ms`);
  console.log('\n| path | offered /s | issued /s | agents | lifecycles/s | finish → next p50 | p99 | n | verdict |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const { label, result } of paths)
    for (const s of result.steps)
      line([
        label,
        s.rate,
        s.run.offered.toFixed(1),
        s.run.agents,
        s.run.throughput.toFixed(1),
        fmt(s.finishToNext.p50),
        fmt(s.finishToNext.p99),
        s.finishToNext.n,
        s.why ?? 'passes',
      ]);
  const capacityOf = (r: RampResult) => r.capacity?.rate ?? 0;
  // What the agents got through at that step: below the offered rate when the path's own
  // round trips, not the customers, keep agents busy.
  const doneOf = (r: RampResult) => r.capacity?.run.throughput ?? 0;
  const text = (r: RampResult) =>
    r.capacity
      ? `${r.toppedOut ? '≥ ' : ''}${r.capacity.rate}/s offered, ${doneOf(r).toFixed(1)} lifecycles/s done`
      : `< ${r.steps[0]?.rate ?? '?'}/s`;
  console.log('');
  for (const { label, result } of paths) console.log(`capacity, ${label}: ${text(result)}`);
  const [a, b] = paths;
  if (a && b && capacityOf(b.result) > 0)
    console.log(
      `ratio ${a.label} / ${b.label}: ${(capacityOf(a.result) / capacityOf(b.result)).toFixed(2)} offered, ${(doneOf(a.result) / doneOf(b.result)).toFixed(2)} done${b.result.toppedOut ? ` (${b.label} topped out: the true ratios are lower)` : ''}`,
    );
}
