// Issue 20 in the back office: the satisfaction answers — the summary per agent (average, answers,
// share of 1–2) and per topic, and every answer with its comment; axe finds nothing blocking.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueStatusToken } from '../../api/public/tokens.js';
import { createAppStack, type AppStack } from '../../tests/support/app-stack.js';
import { axeReport, blocking } from '../../tests/support/axe.js';
import { launchBrowser, screenshot } from '../../tests/support/browser.js';
import { ensureAdminBuilt } from './build.js';
import { signIn } from './sign-in.js';

let app: AppStack;
let browser: Browser;
beforeAll(async () => {
  ensureAdminBuilt();
  [app, browser] = await Promise.all([createAppStack(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await app?.closeAll();
});

/** A Centro ticket served by `agent` and rated `score` through the public survey. */
async function rated(agent: string, score: number, comment?: string): Promise<void> {
  const sup = await app.login('supervisor@andino.demo');
  const cen = await app.db('branches').where({ code: 'CEN' }).first('id');
  const service = await app.db('services').where({ branch_id: cen.id, label: 'C' }).first('id');
  const a = await app
    .db('users')
    .where({ email: `${agent}@andino.demo` })
    .first('id');
  const desk = await app
    .db('desks')
    .where({ branch_id: cen.id })
    .whereNotIn('id', app.db('shifts').whereNull('ended_at').select('desk_id'))
    .first('id');
  const t = (await sup.request('POST', '/api/tickets', { serviceId: service.id })).body as { id: string };
  for (const [step, body] of [
    ['call', { agentId: a.id, deskId: desk.id }],
    ['attend', {}],
    ['finish', {}],
  ] as const)
    expect((await sup.request('POST', `/api/tickets/${t.id}/${step}`, body)).status).toBe(200);
  const token = await issueStatusToken(app.db, t.id);
  const res = await fetch(`${app.url}/api/public/tickets/${token}/survey`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ score, ...(comment ? { comment } : {}) }),
  });
  expect(res.status).toBe(200);
}

describe('issue 20: satisfaction in the back office', () => {
  it('the summary per agent and the answers with their comments, for the branch supervisor', async () => {
    await rated('carla', 5);
    await rated('carla', 2, 'Demoraron mucho');
    await rated('bruno', 4);
    const page = await signIn(browser, app.url, 'supervisor@andino.demo');
    await page.goto(`${app.url}/admin/#/surveys`);
    const summary = page.getByTestId('survey-summary');
    const carla = summary.getByRole('row', { name: /Carla Montoya/ });
    await carla.waitFor();
    expect((await carla.getByRole('cell').allTextContents()).slice(1)).toEqual(['2', '3,5', '50,0 %']);
    expect((await summary.getByRole('row', { name: /Bruno/ }).getByRole('cell').allTextContents()).slice(1)).toEqual([
      '1',
      '4,0',
      '0,0 %',
    ]);
    await page.getByText('Demoraron mucho').waitFor();
    expect(blocking((await axeReport(page)).violations)).toEqual([]);
    await screenshot(page, 'admin20-surveys');
  });
});
