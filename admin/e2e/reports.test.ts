// Issue 19 in the back office's reports: how the day's tickets ended, by who ended them, at
// 1440×900 without sideways scrolling (the agent table's wrap-up column in view), date pickers
// written as Spanish writes dates, a CSV export with Spanish headers and units, and a printable
// view (no navigation, the range and branch at the top). axe finds nothing blocking.
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../db/seed/demo.js';
import { leaveQueue } from '../../api/public/leave.js';
import { createAppStack, type AppStack, type ApiClient } from '../../tests/support/app-stack.js';
import { axeReport, blocking } from '../../tests/support/axe.js';
import { launchBrowser, screenshot } from '../../tests/support/browser.js';
import { ensureAdminBuilt } from './build.js';

let app: AppStack;
let browser: Browser;
let page: Page;
let branchName: string;
const today = () => new Date().toLocaleDateString('en-CA', { timeZone: 'America/Bogota' });

/** Today in service C of Centro: served, left from the status page, cancelled by the supervisor, marked absent. */
async function scriptDay(sup: ApiClient): Promise<void> {
  const centro = await app.db('branches').where({ code: 'CEN' }).first('id', 'name');
  branchName = centro.name;
  const serviceC = (await app.db('services').where({ branch_id: centro.id, label: 'C' }).first('id')).id;
  const ana = (await app.db('users').where({ email: 'ana@andino.demo' }).first('id')).id;
  const desk = (await app.db('desks').where({ branch_id: centro.id }).orderBy('id').first('id')).id;
  const ticket = async () => (await sup.request('POST', '/api/tickets', { serviceId: serviceC })).body.id as string;
  const act = async (id: string, action: string, body: object = {}) =>
    expect((await sup.request('POST', `/api/tickets/${id}/${action}`, body)).status).toBe(200);
  const served = await ticket();
  await act(served, 'call', { agentId: ana, deskId: desk });
  await act(served, 'attend');
  // Issue 19: two topics (the report by topic counts it under each).
  const topic = async (name: string) => (await app.db('topics').where({ service_id: serviceC, name }).first('id')).id;
  await act(served, 'finish', { topicIds: [await topic('Depósito'), await topic('Retiro')] });
  expect((await leaveQueue({ db: app.db, temporal: app.client }, await ticket())).status).toBe('cancelled');
  await act(await ticket(), 'cancel', { reason: 'duplicado' });
  const absent = await ticket();
  await act(absent, 'call', { agentId: ana, deskId: desk });
  await act(absent, 'no-show', { reason: 'no vino' });
}

beforeAll(async () => {
  ensureAdminBuilt();
  [app, browser] = await Promise.all([createAppStack(), launchBrowser()]);
  await scriptDay(await app.login('supervisor@andino.demo'));
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: 'es-CO',
    timezoneId: 'America/Bogota',
    acceptDownloads: true,
  });
  page = await context.newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(`${app.url}/admin/`);
  await page.locator('input[name="username"]').fill('supervisor@andino.demo');
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await page.getByTestId('monitor').waitFor();
});
afterAll(async () => {
  await browser?.close();
  await app?.closeAll();
});

/** Neither the page nor any table scrolls sideways. */
const fits = (p: Page) =>
  p.evaluate(
    () =>
      document.documentElement.scrollWidth <= window.innerWidth &&
      [...document.querySelectorAll('table')].every((t) => t.scrollWidth <= (t.parentElement?.clientWidth ?? 0)),
  );
/** A table's cells by row, as text. */
const cells = (p: Page, testId: string) =>
  p
    .getByTestId(testId)
    .locator('tr')
    .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent?.trim())));

describe('issue 19: reports a supervisor can trust and hand on', () => {
  it('shows how tickets ended, by who ended them, in Spanish and within 1440 px', async () => {
    await page.goto(`${app.url}/admin/#/reports`);
    const outcomes = page.getByTestId('report-outcomes');
    await outcomes.getByText('C · Depósitos y retiros').waitFor();
    const [head, ...rows] = await cells(page, 'report-outcomes');
    expect(head).toEqual([
      'Servicio',
      'Turnos',
      'Atendidos',
      'Se fueron antes del llamado',
      'No se presentaron (tiempo agotado)',
      'No se presentaron (marcado por el asesor)',
      'Cancelados por el personal',
      'Citas perdidas',
      'Abandono',
    ]);
    // 4 tickets: 1 served, 1 left, 1 marked absent, 1 cancelled by staff — abandonment 2 of 4.
    expect(rows.find((r) => r[0] === 'C · Depósitos y retiros')).toEqual([
      'C · Depósitos y retiros',
      '4',
      '1',
      '1',
      '0',
      '1',
      '1',
      '0',
      '50,0 %', // the decimal comma
    ]);
    // The range is written dd/mm/aaaa, in the pickers and in the title.
    const [y, m, d] = today().split('-');
    const shown = (i: number) =>
      page
        .locator('.MuiPickersSectionList-root')
        .nth(i)
        .textContent()
        .then((t) => t?.replace(/[\u2066-\u2069\u200e]/g, ''));
    await expect.poll(() => shown(1)).toBe(`${d}/${m}/${y}`);
    expect(await shown(0)).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    expect(await page.getByTestId('report-scope').textContent()).toContain(`al ${d}/${m}/${y}`);
    expect(await fits(page)).toBe(true);
    await screenshot(page, 'admin19-reports-outcomes-1440');
    expect(blocking((await axeReport(page)).violations)).toEqual([]);
  });

  it('by topic and by hour of day (the heat map): the scripted figures, in Spanish, within 1440 px', async () => {
    // The script's one served ticket had two topics: one ticket, served, under each.
    const topics = page.getByTestId('report-topics');
    await topics.getByText('Retiro', { exact: true }).waitFor();
    const [head, ...rows] = await cells(page, 'report-topics');
    expect(head).toEqual(['Tema', 'Servicio', 'Turnos', 'Atendidos', 'Atención media']);
    for (const name of ['Depósito', 'Retiro']) {
      const row = rows.find((r) => r[0] === name)!;
      expect(row.slice(0, 4)).toEqual([name, 'C · Depósitos y retiros', '1', '1']);
      expect(row[4]).toMatch(/^\d+ s$/); // served within the script's few seconds
    }
    expect(rows).toHaveLength(2);
    // The heat map: the script's tickets by the weekday and hour (Bogotá's clock) they arrived.
    const arrivals = (await app.db('tickets').select('arrival_at')) as { arrival_at: Date }[];
    const expected = new Map<string, number>();
    for (const { arrival_at } of arrivals) {
      const parts = new Intl.DateTimeFormat('en-US', {
        timeZone: 'America/Bogota',
        weekday: 'short',
        hour: 'numeric',
        hourCycle: 'h23',
      }).formatToParts(arrival_at);
      const weekday =
        ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(parts.find((p) => p.type === 'weekday')!.value) + 1;
      const key = `${weekday}-${Number(parts.find((p) => p.type === 'hour')!.value)}`;
      expected.set(key, (expected.get(key) ?? 0) + 1);
    }
    expect([...expected.values()].reduce((a, b) => a + b, 0)).toBe(4);
    const heat = page.getByTestId('report-hours');
    for (const [key, n] of expected) {
      const cell = heat.getByTestId(`hour-${key}`);
      await expect.poll(() => cell.textContent()).toMatch(new RegExp(`^${n} llegadas?\\d`));
    }
    const [hoursHead] = await cells(page, 'report-hours');
    expect(hoursHead).toEqual(['Hora', 'lun', 'mar', 'mié', 'jue', 'vie', 'sáb', 'dom']);
    expect(await fits(page)).toBe(true);
    await screenshot(page, 'admin19-reports-topics-hours-1440');
    expect(blocking((await axeReport(page)).violations)).toEqual([]);
  });

  it('trends by day and by ISO week: charts named by a table with the scripted figures, within 1440 px', async () => {
    const trends = page.getByTestId('report-trends');
    await trends.scrollIntoViewIfNeeded();
    const [d, m, y] = today().split('-').reverse();
    const todayRow = async () => (await cells(page, 'report-trends-table')).find((r) => r[0] === `${d}/${m}/${y}`);
    await expect.poll(async () => (await todayRow())?.slice(1, 3)).toEqual(['4', '1']);
    const [head, ...rows] = await cells(page, 'report-trends-table');
    expect(head).toEqual([
      'Día',
      'Turnos',
      'Atendidos',
      'Espera media',
      'Atención media',
      'En SLA',
      'Se fueron antes del llamado',
      'No se presentaron (total)',
      'Cancelados por el personal',
      'Abandono',
    ]);
    // The page's default range is the last seven days: a row each, today the script's day.
    expect(rows).toHaveLength(7);
    expect((await todayRow())!.slice(6)).toEqual(['1', '1', '1', '50,0 %']);
    expect(rows.filter((r) => r[0] !== `${d}/${m}/${y}`).every((r) => r[1] === '0')).toBe(true);
    // Each chart is a picture of that table, and says so.
    const charts = trends.locator('[role="img"][aria-describedby="report-trends-table"]');
    expect(await charts.count()).toBe(2);
    expect(await charts.nth(1).getAttribute('aria-label')).toBe(
      'Espera y atención promedio (min) y dentro del SLA (%)',
    );
    expect(await trends.locator('.recharts-wrapper').count()).toBe(2);
    expect(await fits(page)).toBe(true);
    await page.mouse.move(0, 0); // no chart's hover tooltip in the picture or for axe
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'admin19-reports-trends-day-1440');
    expect(blocking((await axeReport(page)).violations)).toEqual([]);
    // By ISO week: the rows are named by the week and its Monday.
    await page.getByTestId('trend-week').click();
    await expect
      .poll(async () => (await cells(page, 'report-trends-table'))[1]?.[0])
      .toMatch(/^\d{4}-W\d{2} \(desde el lunes \d{2}\/\d{2}\/\d{4}\)$/);
    const weeks = (await cells(page, 'report-trends-table')).slice(1);
    expect(weeks.reduce((n, r) => n + Number(r[1]), 0)).toBe(4);
    expect(await fits(page)).toBe(true);
    await page.mouse.move(0, 0);
    await page.evaluate(() => window.scrollTo(0, 0)); // the app bar in the full-page picture
    await screenshot(page, 'admin19-reports-trends-week-1440');
    expect(blocking((await axeReport(page)).violations)).toEqual([]);
    // Its CSV, in Spanish.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-trends-csv').click(),
    ]);
    const csv = fs.readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
    expect(csv.split('\r\n')[0]).toMatch(
      /^Semana desde el lunes \(AAAA-MM-DD\);Semana ISO;Turnos;Atendidos;Espera media \(min\);/,
    );
    await page.getByTestId('trend-day').click();
  });

  it('narrowed to an agent, the heat map and the trend count only the customers she was called for', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.getByTestId('report-agent').click();
    await page.getByRole('option', { name: 'Ana Restrepo' }).click();
    await page
      .getByTestId('report-scope')
      .getByText(/· Ana Restrepo$/)
      .waitFor();
    // The script called Ana for two of its four customers (the served one and the absent one).
    const heat = page.getByTestId('report-hours');
    await expect
      .poll(() => heat.locator('[data-testid^="hour-"]').allTextContents())
      .toContainEqual(expect.stringMatching(/^2 llegadas/));
    const [d, m, y] = today().split('-').reverse();
    await expect
      .poll(async () => (await cells(page, 'report-trends-table')).find((r) => r[0] === `${d}/${m}/${y}`)?.slice(1, 3))
      .toEqual(['2', '1']);
    expect(await fits(page)).toBe(true);
    await page.mouse.move(0, 0);
    await screenshot(page, 'admin19-reports-narrowed-agent-1440');
    expect(blocking((await axeReport(page)).violations)).toEqual([]);
    await page.getByTestId('report-agent').click();
    await page.getByRole('option', { name: 'Todos' }).click();
    await expect.poll(() => page.getByTestId('report-scope').textContent()).not.toContain('Ana Restrepo');
  });

  it('per agent: every column, wrap-up included, in view at 1440×900', async () => {
    await page.getByTestId('group-by').click();
    await page.getByRole('option', { name: 'Asesor' }).click();
    const table = page.getByTestId('report-table');
    const wrapUp = table.getByRole('columnheader', { name: 'Documentación' });
    await wrapUp.waitFor();
    // Its header in its cell and the cell inside the table's card: not cut off, not overlapping the edge.
    const [cell, card] = await Promise.all([wrapUp.boundingBox(), table.locator('..').boundingBox()]);
    expect(cell!.x + cell!.width).toBeLessThanOrEqual(card!.x + card!.width);
    expect(await wrapUp.evaluate((th) => th.scrollWidth <= th.clientWidth)).toBe(true);
    // Occupancy (issue 19) sits with the agent time; Ana never logged in (the script called for
    // her), so she has no logged-in time to divide by: a dash, not 0 %.
    const [head, ...rows] = await cells(page, 'report-table');
    const occupancy = head!.indexOf('Ocupación');
    expect(occupancy).toBeGreaterThan(0);
    expect(rows.find((r) => r[0] === 'Ana Restrepo')![occupancy]).toBe('—');
    expect(await fits(page)).toBe(true);
    await screenshot(page, 'admin19-reports-agents-1440');
    expect(blocking((await axeReport(page)).violations)).toEqual([]);
  });

  it('exports the CSV with Spanish headers and units', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    const csv = fs.readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
    const [header] = csv.split('\r\n');
    expect(header).toMatch(/^Id;Asesor;Turnos;Atendidos;Espera media \(min\);.*;Documentación \(min\)$/);
    expect(header).toContain(';Se fueron antes del llamado;Cancelados por el personal;');
  });

  it('prints the report alone: no navigation, the range and branch named at the top, tables whole', async () => {
    await page.getByRole('combobox', { name: 'Sucursal' }).click();
    await page.getByRole('option', { name: branchName }).click();
    await page.getByTestId('report-scope').getByText(`Sucursal: ${branchName}`).waitFor();
    await page.getByRole('button', { name: 'Imprimir' }).waitFor();
    await page.mouse.move(0, 0); // no chart's hover highlight on paper
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header').first().isVisible()).toBe(false);
    expect(await page.getByTestId('group-by').isVisible()).toBe(false);
    expect(await page.getByRole('menuitem', { name: 'Reportes' }).isVisible()).toBe(false);
    expect(await page.getByTestId('report-scope').isVisible()).toBe(true);
    expect(await page.getByTestId('report-outcomes').isVisible()).toBe(true);
    // The trend prints too (its charts and table), without its day/week switch and CSV button.
    expect(await page.getByTestId('report-trends-table').isVisible()).toBe(true);
    expect(await page.getByTestId('trend-week').isVisible()).toBe(false);
    expect(await page.getByTestId('export-trends-csv').isVisible()).toBe(false);
    expect(await fits(page)).toBe(true);
    await screenshot(page, 'admin19-reports-print');
    await page.emulateMedia({ media: 'screen' });
  });

  it("a shift's page shows its timeline: the supervisor who ended it and the reason", async () => {
    const sup = await app.login('supervisor@andino.demo');
    const agent = await app.login('bruno@andino.demo');
    const centro = (await app.db('branches').where({ code: 'CEN' }).first('id')).id;
    const desk = (await app.db('desks').where({ branch_id: centro }).orderBy('id', 'desc').first('id')).id;
    const opened = await agent.request('POST', '/api/shifts', { deskId: desk, state: 'offline' });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    expect(
      (await sup.request('POST', `/api/monitor/shifts/${opened.body.id}/state`, { state: 'resting' })).status,
    ).toBe(200);
    const ended = await sup.request('POST', `/api/monitor/shifts/${opened.body.id}/end`, {
      reason: 'Olvidó cerrar sesión',
    });
    expect(ended.status, JSON.stringify(ended.body)).toBe(200);
    await page.goto(`${app.url}/admin/#/shifts/${opened.body.id}/show`);
    const timeline = page.getByTestId('shift-timeline');
    await timeline.getByText('Cerró sesión').waitFor();
    const [head, ...rows] = await cells(page, 'shift-timeline');
    expect(head).toEqual(['Hora', 'Evento', 'Quién', 'Motivo']);
    expect(rows.map((r) => r.slice(1))).toEqual([
      ['Inició sesión (Desconectado)', 'Bruno Cárdenas (el asesor)', '—'],
      ['Pasó a Descanso', 'Sara Molina', '—'],
      ['Cerró sesión', 'Sara Molina', 'Olvidó cerrar sesión'],
    ]);
    expect(await fits(page)).toBe(true);
    await screenshot(page, 'admin19-shift-timeline-1440');
    expect(blocking((await axeReport(page)).violations)).toEqual([]);
  });

  it('in English too: the trend and the shift timeline', async () => {
    await page.getByRole('button', { name: /Español/i }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    const timeline = page.getByTestId('shift-timeline');
    await timeline.getByText('Logged out').waitFor();
    expect((await cells(page, 'shift-timeline')).map((r) => r.slice(1))).toEqual([
      ['Event', 'Who', 'Reason'],
      ['Logged in (Offline)', 'Bruno Cárdenas (the agent)', '—'],
      ['Changed to Resting', 'Sara Molina', '—'],
      ['Logged out', 'Sara Molina', 'Olvidó cerrar sesión'],
    ]);
    await page.goto(`${app.url}/admin/#/reports`);
    const trends = page.getByTestId('report-trends');
    await trends.getByText('Trend', { exact: true }).waitFor();
    await page.getByTestId('trend-week').click();
    await expect
      .poll(async () => (await cells(page, 'report-trends-table'))[1]?.[0])
      .toMatch(/^\d{4}-W\d{2} \(from Monday \d{2}\/\d{2}\/\d{4}\)$/);
    const [head] = await cells(page, 'report-trends-table');
    expect(head!.slice(0, 3)).toEqual(['Week', 'Tickets', 'Served']);
    expect(await trends.locator('[role="img"]').first().getAttribute('aria-label')).toBe('Arrivals and served');
    expect(await fits(page)).toBe(true);
    await page.mouse.move(0, 0);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'admin19-reports-trends-week-en-1440');
    expect(blocking((await axeReport(page)).violations)).toEqual([]);
  });
});
