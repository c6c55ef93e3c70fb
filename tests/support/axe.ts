// axe-core in a page under test: the WCAG 2.1 A and AA rules, and what they found, most severe
// first. The checks run inside the page, so they see it exactly as a person's browser renders it.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let axeSource: string | undefined;
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export interface AxeViolation {
  id: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  help: string;
  /** Where: one CSS selector per offending node, with axe's summary of what to fix. */
  nodes: { target: string; summary: string }[];
}

export interface AxeReport {
  violations: AxeViolation[];
  /** What axe could not decide (text over a gradient or an image: its contrast goes unchecked). */
  incomplete: AxeViolation[];
}

/** What axe reports for the page as it is now (WCAG 2.1 A and AA). */
export async function axeReport(page: Page): Promise<AxeReport> {
  // Evaluated rather than added as a <script>: the app's Content-Security-Policy refuses inline scripts.
  axeSource ??= fs.readFileSync(AXE, 'utf8');
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async (tags) => {
    // axe is a script global here: the page has no types for it.
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<AxeResults> } }).axe;
    interface AxeResult {
      id: string;
      impact: AxeViolation['impact'];
      help: string;
      nodes: { target: unknown[]; failureSummary?: string }[];
    }
    interface AxeResults {
      violations: AxeResult[];
      incomplete: AxeResult[];
    }
    const brief = (r: AxeResult): AxeViolation => ({
      id: r.id,
      impact: r.impact,
      help: r.help,
      nodes: r.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary ?? '' })),
    });
    const results = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return { violations: results.violations.map(brief), incomplete: results.incomplete.map(brief) };
  }, WCAG_21_AA);
}

/** Only what blocks or seriously hinders someone: axe's critical and serious findings. */
export const blocking = (violations: AxeViolation[]): AxeViolation[] =>
  violations.filter((v) => v.impact === 'critical' || v.impact === 'serious');
