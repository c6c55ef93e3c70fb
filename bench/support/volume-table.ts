// Markdown tables of the volume bench: the reports as a grid (grouping × scope by range) and
// the desk and dispatch figures as lists, each figure beside its target with ✓ or ✗.
import { fmtMs, type CaseResult } from './volume-measure.js';

const mark = (ok: boolean) => (ok ? '✓' : '✗');
const cell = (r: CaseResult | undefined) => (r ? `${fmtMs(r.p50)} / ${fmtMs(r.p95)} ${mark(r.ok)}` : '—');

/** Rows: name × scope; columns: the ranges; each cell "median / p95 ✓". */
export function gridTable(title: string, results: CaseResult[], rangeNames: string[]): string {
  const rows = [...new Set(results.map((r) => `${r.name}\u0000${r.scope}`))];
  const target = results[0]?.targetMs ?? 0;
  const lines = [
    `### ${title} — median / p95, target ≤ ${target} ms each`,
    '',
    `| report | scope | ${rangeNames.join(' | ')} |`,
    `| --- | --- | ${rangeNames.map(() => '---:').join(' | ')} |`,
  ];
  for (const key of rows) {
    const [name, scope] = key.split('\u0000') as [string, string];
    const of = (range: string) => results.find((r) => r.name === name && r.scope === scope && r.range === range);
    lines.push(`| ${name} | ${scope} | ${rangeNames.map((g) => cell(of(g))).join(' | ')} |`);
  }
  return lines.join('\n');
}

export function listTable(title: string, results: CaseResult[]): string {
  const lines = [
    `### ${title}`,
    '',
    '| what | scope | runs | median | p95 | target | |',
    '| --- | --- | ---: | ---: | ---: | ---: | :-: |',
  ];
  for (const r of results)
    lines.push(
      `| ${r.name} | ${r.scope} | ${r.n} | ${fmtMs(r.p50)} | ${fmtMs(r.p95)} | ${r.note ?? `≤ ${r.targetMs} ms`} | ${mark(r.ok)} |`,
    );
  return lines.join('\n');
}

/**
 * "No slower than on an empty database": the big branch's median within 20 % (+1 ms of noise)
 * of the empty branch's, per way of claiming.
 */
export function compareDispatch(results: CaseResult[], big: string, empty: string): CaseResult[] {
  return results.map((r) => {
    if (r.scope !== big) return { ...r, ok: true, note: 'baseline' };
    const base = results.find((b) => b.name === r.name && b.scope === empty);
    const limit = base ? base.p50 * 1.2 + 1 : Number.NaN;
    return { ...r, targetMs: limit, ok: r.p50 <= limit, note: `median ≤ ${fmtMs(limit)} (empty × 1.2 + 1 ms)` };
  });
}
