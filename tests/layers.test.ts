// Issue 14: the layers point one way. Every production file's imports (static, dynamic,
// `import type`, `export … from`) are read with TypeScript's own pre-processor and folded into
// an edge between top-level folders; an edge may only point down the order below, so there is
// no cycle among folders, type-level included.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Bottom to top: a folder may import only folders listed before it. */
const ORDER = ['domain', 'platform', 'db', 'workflows', 'activities', 'sfu', 'api', 'runtime'] as const;
type Layer = (typeof ORDER)[number];

/** Pairs the issue names explicitly, kept as their own rules so a failure says which one broke. */
const FORBIDDEN: [Layer, string][] = [
  ['activities', 'api'],
  ['api', 'activities'],
  ['sfu', 'api'],
];

interface Edge {
  from: string;
  to: string;
  file: string;
  spec: string;
}

function productionFiles(dir: string): string[] {
  return fs
    .readdirSync(path.join(REPO_ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts'))
    .map((e) => path.relative(REPO_ROOT, path.join(e.parentPath, e.name)))
    .filter((f) => !f.split(path.sep).includes('node_modules'));
}

function edges(): Edge[] {
  const out: Edge[] = [];
  for (const layer of ORDER) {
    if (!fs.existsSync(path.join(REPO_ROOT, layer))) continue;
    for (const file of productionFiles(layer)) {
      const info = ts.preProcessFile(fs.readFileSync(path.join(REPO_ROOT, file), 'utf8'), true, true);
      for (const { fileName: spec } of info.importedFiles) {
        if (!spec.startsWith('.')) continue; // packages and node built-ins
        const to = path.relative(REPO_ROOT, path.resolve(REPO_ROOT, path.dirname(file), spec)).split(path.sep)[0]!;
        if (to !== layer) out.push({ from: layer, to, file, spec });
      }
    }
  }
  return out;
}

/** Files the workflow bundle holds: everything workflows/index.ts reaches by relative imports. */
function bundled(entry = 'workflows/index.ts'): string[] {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const info = ts.preProcessFile(fs.readFileSync(path.join(REPO_ROOT, file), 'utf8'), true, true);
    for (const { fileName: spec } of info.importedFiles) {
      if (spec.startsWith('.'))
        visit(path.relative(REPO_ROOT, path.resolve(REPO_ROOT, path.dirname(file), spec)).replace(/\.js$/, '.ts'));
    }
  };
  visit(entry);
  return [...seen];
}

/** A cycle among folders, as a path `a -> b -> … -> a`, or null. */
function findCycle(all: Edge[]): string[] | null {
  const next = new Map<string, Set<string>>();
  for (const e of all) next.set(e.from, (next.get(e.from) ?? new Set()).add(e.to));
  const state = new Map<string, 'open' | 'done'>();
  const trail: string[] = [];
  const visit = (n: string): string[] | null => {
    if (state.get(n) === 'open') return [...trail.slice(trail.indexOf(n)), n];
    if (state.get(n) === 'done') return null;
    state.set(n, 'open');
    trail.push(n);
    for (const m of next.get(n) ?? []) {
      const c = visit(m);
      if (c) return c;
    }
    trail.pop();
    state.set(n, 'done');
    return null;
  };
  for (const n of next.keys()) {
    const c = visit(n);
    if (c) return c;
  }
  return null;
}

const show = (es: Edge[]) => es.map((e) => `${e.file} -> ${e.spec}`);

describe('Issue 14: layers', () => {
  const all = edges();

  it('finds the imports it is meant to judge', () => {
    expect(all.length).toBeGreaterThan(50);
    expect(all.some((e) => e.from === 'workflows' && e.to === 'domain')).toBe(true);
  });

  it('has no import cycle among the top-level folders, type-only imports included', () => {
    expect(findCycle(all)).toBeNull();
  });

  it(`imports only downwards: ${ORDER.join(' < ')}`, () => {
    const rank = (f: string) => ORDER.indexOf(f as Layer);
    const upward = all.filter((e) => rank(e.to) >= 0 && rank(e.to) > rank(e.from));
    expect(show(upward)).toEqual([]);
  });

  it.each(FORBIDDEN)('%s never imports %s/', (from, to) => {
    expect(show(all.filter((e) => e.from === from && e.to === to))).toEqual([]);
  });

  it('workflow code reaches only domain/ and workflows/, and no client', () => {
    const files = bundled();
    expect(files).toContain('workflows/tickets/workflow.ts');
    expect(files.filter((f) => !/^(domain|workflows)\//.test(f) || f.endsWith('/client.ts'))).toEqual([]);
  });

  it('no production file imports tests/, and test support lives there', () => {
    expect(show(all.filter((e) => e.to === 'tests'))).toEqual([]);
    expect(
      ORDER.flatMap((l) => productionFiles(l)).filter((f) => /test-support|fixtures|test-stack/.test(path.basename(f))),
    ).toEqual([]);
  });

  it('production code imports only production folders', () => {
    const known = new Set<string>([...ORDER, 'tests']);
    expect(show(all.filter((e) => !known.has(e.to)))).toEqual([]);
  });
});
