// What the volume bench asks the API, as the back office and the console ask it: the H3 report
// (JSON and CSV) per grouping, scope and range, the ticket list's first page with its total,
// the monitor snapshot, and an agent's waiting list and shift figures.
import { GROUP_BYS } from '../../api/reports/schemas.js';
import type { Case } from './volume-measure.js';
import { query, type Http } from './volume-http.js';

export const REPORT_TARGET_MS = 300;
export const DESK_TARGET_MS = 50;

export interface Range {
  name: string;
  from: string;
  to: string;
}
export interface Scope {
  name: string;
  branchId?: number;
}

/** Today, the last 30 and the last 365 service days, ending today (the branch's calendar). */
export function ranges(today: string): Range[] {
  const back = (days: number) =>
    new Date(Date.parse(`${today}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
  return [
    { name: 'today', from: today, to: today },
    { name: '30 days', from: back(29), to: today },
    { name: '365 days', from: back(364), to: today },
  ];
}

const ok = (check: boolean, what: string) => {
  if (!check) throw new Error(`unexpected answer: ${what}`);
};

/** GET /api/reports/summary for every grouping × scope, by topic and by hour per scope, and the CSV (by service) per scope, for one range. */
export function reportCases(admin: Http, scopes: Scope[], range: Range): Case[] {
  const cases: Case[] = [];
  for (const groupBy of GROUP_BYS) {
    for (const scope of scopes) {
      const path = `/api/reports/summary${query({ from: range.from, to: range.to, groupBy, branchId: scope.branchId ? String(scope.branchId) : undefined })}`;
      cases.push({
        group: 'report',
        name: `by ${groupBy}`,
        scope: scope.name,
        range: range.name,
        targetMs: REPORT_TARGET_MS,
        run: async () => {
          const r = await admin.get(path);
          ok(Array.isArray((JSON.parse(r.text) as { rows?: unknown }).rows), `${path} has no rows`);
          return r.ms;
        },
      });
    }
  }
  // Issue 19's report kinds, on the same model: by topic, the heat map (hour × weekday), and the
  // trends per day and per ISO week (from the day rollups).
  for (const [name, resource, list, grain] of [
    ['by topic', 'topics', 'rows', undefined],
    ['by hour (heat map)', 'hours', 'cells', undefined],
    ['trend by day', 'trends', 'periods', 'day'],
    ['trend by week', 'trends', 'periods', 'week'],
  ] as const) {
    for (const scope of scopes) {
      const path = `/api/reports/${resource}${query({ from: range.from, to: range.to, grain, branchId: scope.branchId ? String(scope.branchId) : undefined })}`;
      cases.push({
        group: 'report',
        name,
        scope: scope.name,
        range: range.name,
        targetMs: REPORT_TARGET_MS,
        run: async () => {
          const r = await admin.get(path);
          ok(Array.isArray((JSON.parse(r.text) as Record<string, unknown>)[list]), `${path} has no ${list}`);
          return r.ms;
        },
      });
    }
  }
  for (const scope of scopes) {
    const path = `/api/reports/summary.csv${query({ from: range.from, to: range.to, groupBy: 'service', branchId: scope.branchId ? String(scope.branchId) : undefined })}`;
    cases.push({
      group: 'csv',
      name: 'CSV by service',
      scope: scope.name,
      range: range.name,
      targetMs: REPORT_TARGET_MS,
      run: async () => {
        const r = await admin.get(path);
        ok((r.headers.get('content-type') ?? '').startsWith('text/csv'), `${path} is not CSV`);
        return r.ms;
      },
    });
  }
  return cases;
}

/** The back office's ticket list (react-admin: first page of 25, newest first, with its total) and the monitor. */
export function backOfficeCases(admin: Http, scopes: Scope[], branches: Scope[]): Case[] {
  const cases: Case[] = [];
  for (const [name, day] of [
    ['ticket list, today (default view)', 'today'],
    ['ticket list, all days', undefined],
  ] as const) {
    for (const scope of scopes) {
      const filter = { ...(day ? { day } : {}), ...(scope.branchId ? { branchId: scope.branchId } : {}) };
      const path = `/api/tickets${query({ filter, range: [0, 24], sort: ['arrivalAt', 'DESC'] })}`;
      cases.push({
        group: 'desk',
        name,
        scope: scope.name,
        range: '',
        targetMs: DESK_TARGET_MS,
        run: async () => {
          const r = await admin.get(path);
          ok(/\/\d+$/.test(r.headers.get('content-range') ?? ''), `${path} has no total in Content-Range`);
          return r.ms;
        },
      });
    }
  }
  for (const b of branches) {
    cases.push({
      group: 'desk',
      name: 'monitor snapshot',
      scope: b.name,
      range: '',
      targetMs: DESK_TARGET_MS,
      run: async () => (await admin.get(`/api/monitor/branches/${b.branchId}`)).ms,
    });
  }
  return cases;
}

/** The console's two reads at the desk, for an agent with an open shift. */
export function agentCases(agent: Http, scope: string): Case[] {
  return [
    {
      group: 'desk',
      name: "agent's waiting list",
      scope,
      range: '',
      targetMs: DESK_TARGET_MS,
      run: async () => (await agent.get('/api/shifts/current/waiting')).ms,
    },
    {
      group: 'desk',
      name: "agent's shift figures",
      scope,
      range: '',
      targetMs: DESK_TARGET_MS,
      run: async () => (await agent.get('/api/shifts/current/figures')).ms,
    },
  ];
}
