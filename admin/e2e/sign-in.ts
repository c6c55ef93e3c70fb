// The back office as a person reaches it: a fresh browser context at 1440×900 in the branch's
// locale and time zone, signed in through the login form, on the monitor.
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../db/seed/demo.js';

export async function signIn(browser: Browser, appUrl: string, email: string): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: 'es-CO',
    timezoneId: 'America/Bogota',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(`${appUrl}/admin/`);
  await page.locator('input[name="username"]').fill(email);
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await page.getByTestId('monitor').waitFor();
  return page;
}
