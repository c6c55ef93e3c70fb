// Issue 17 in the back office: the login opens without react-admin (a small download, usable
// on a slow phone), and axe (WCAG 2.1 A and AA) finds nothing critical or serious on the login,
// a list, a record, the live monitor and the reports.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../db/seed/demo.js';
import { createAppStack, type AppStack } from '../../tests/support/app-stack.js';
import { axeReport, blocking } from '../../tests/support/axe.js';
import { launchBrowser, screenshot } from '../../tests/support/browser.js';
import { ensureAdminBuilt } from './build.js';

let app: AppStack;
let browser: Browser;
beforeAll(async () => {
  ensureAdminBuilt(); // before the API starts: it serves admin/dist only if it exists
  [app, browser] = await Promise.all([createAppStack(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await app?.closeAll();
});

async function newPage(): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: 'es-CO',
    timezoneId: 'America/Bogota',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  return page;
}

/** axe's critical and serious findings on the page as it is now, named by screen. */
async function blockingOn(page: Page, screen: string) {
  await screenshot(page, `admin-a11y-${screen}`);
  return { [screen]: blocking((await axeReport(page)).violations) };
}

/** Compressed JavaScript bytes that crossed the wire, as the server sent them. */
function countJs(page: Page): { bytes: number; files: string[] } {
  const seen = { bytes: 0, files: [] as string[] };
  page.on('response', async (res) => {
    if (!res.url().endsWith('.js')) return;
    seen.files.push(new URL(res.url()).pathname);
    seen.bytes += Number((await res.allHeaders())['content-length'] ?? (await res.body()).length);
  });
  return seen;
}

describe('issue 17: the back office for everyone', () => {
  it('the login opens with under 100 KB of JavaScript (react-admin comes after), asks for what is missing, and axe finds nothing blocking on it', async () => {
    const page = await newPage();
    const js = countJs(page);
    await page.goto(`${app.url}/admin/`);
    await page.getByRole('button', { name: 'Ingresar' }).click();
    await page.locator('input[name="username"][aria-invalid="true"]').waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('username');
    await page.getByText('Obligatorio').first().waitFor();
    expect(js.bytes, js.files.join(', ')).toBeLessThan(100_000);
    expect(js.files.some((f) => /\/App-[\w-]+\.js$/.test(f))).toBe(false);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
    expect(await blockingOn(page, 'login')).toEqual({ login: [] });

    // Typing fetches the rest meanwhile; signing in opens the monitor.
    await page.locator('input[name="username"]').fill('supervisor@andino.demo');
    await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Ingresar' }).click();
    await page.getByTestId('monitor').waitFor();
    expect(js.files.some((f) => /\/App-[\w-]+\.js$/.test(f))).toBe(true);

    // Logging out inside react-admin shows the same form (its loginPage), which logs in again.
    const { first_name, last_name } = await app
      .db('users')
      .where({ email: 'supervisor@andino.demo' })
      .first('first_name', 'last_name');
    await page.getByRole('button', { name: `${first_name} ${last_name}` }).click();
    await page.getByRole('menuitem', { name: 'Cerrar sesión' }).click();
    await page.locator('input[name="username"]').fill('supervisor@andino.demo');
    await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByTestId('monitor').waitFor();
    await page.context().close();
  });

  it('axe finds no critical or serious violation on a list, a record, the live monitor and the reports', async () => {
    const sup = await app.login('supervisor@andino.demo');
    const service = await app
      .db('services')
      .join('branches', 'branches.id', 'services.branch_id')
      .where({ 'branches.code': 'CEN', 'services.label': 'C' })
      .first('services.id');
    const created = await sup.request('POST', '/api/tickets', { serviceId: service.id });
    expect(created.status).toBe(201);

    const page = await newPage();
    await page.goto(`${app.url}/admin/`);
    await page.locator('input[name="username"]').fill('supervisor@andino.demo');
    await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByTestId('monitor').waitFor();
    await page.getByTestId('service-C').waitFor();
    await page.getByTestId('monitor-queue').getByText(created.body.number).waitFor();
    const found = [await blockingOn(page, 'monitor')];

    await page.goto(`${app.url}/admin/#/tickets`);
    await page.locator('.RaList-main').getByText(created.body.number).waitFor();
    found.push(await blockingOn(page, 'list'));

    await page.goto(`${app.url}/admin/#/tickets/${created.body.id}/show`);
    await page.getByTestId('event-created').waitFor();
    found.push(await blockingOn(page, 'show'));

    await page.goto(`${app.url}/admin/#/reports`);
    await page.getByTestId('report-table').waitFor();
    await page.getByTestId('report-charts').waitFor();
    found.push(await blockingOn(page, 'reports'));
    expect(found).toEqual([{ monitor: [] }, { list: [] }, { show: [] }, { reports: [] }]);
    await page.context().close();
  });
});
