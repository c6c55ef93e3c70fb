// Issue 17, kiosk mode, in the browser: nothing on the kiosk leads away from it, the ticket screen
// warns before it goes back to the start (and "Mantener" keeps it), and axe finds nothing that
// blocks or seriously hinders anyone on the home and ticket screens.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeReport, blocking, type AxeReport } from '../../tests/support/axe.js';
import { QUIET_MS, WARN_MS } from '../src/kiosk/useResetCountdown.js';
import { newContext, screenshot, startHarness, type ConsoleHarness } from './support.js';

const KIOSK_VIEWPORT = { width: 1024, height: 768 };
let h: ConsoleHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** A kiosk with a fake clock (the reset countdown is minutes of real time otherwise), on its home screen. */
async function openKiosk(): Promise<Page> {
  const context = await newContext(h, KIOSK_VIEWPORT);
  await context.clock.install();
  const page = await context.newPage();
  await page.goto(`${h.stack.url}/kiosk/${h.branchId}`);
  await page.getByRole('button', { name: /Depósitos y retiros/ }).waitFor();
  return page;
}

async function takeTicket(page: Page): Promise<string> {
  await page.getByRole('button', { name: /Depósitos y retiros/ }).click();
  const number = page.getByTestId('kiosk-number');
  await number.waitFor();
  await page.getByTestId('kiosk-qr').waitFor();
  return (await number.textContent()) ?? '';
}

/** Words whose contrast axe could not measure (it leaves them "to review"); decorative marks (aria-hidden) aside. */
async function unmeasuredText(page: Page, report: AxeReport): Promise<string[]> {
  const targets = report.incomplete
    .filter((r) => r.id === 'color-contrast')
    .flatMap((r) => r.nodes.map((n) => n.target));
  const words: string[] = [];
  for (const target of targets)
    if ((await page.locator(target).getAttribute('aria-hidden')) !== 'true') words.push(target);
  return words;
}

describe('issue 17: kiosk mode', () => {
  it('tapping the status address or its QR code leaves the kiosk where it is; nothing on it is a link', async () => {
    const page = await openKiosk();
    expect(await page.locator('a[href]').count()).toBe(0);
    const number = await takeTicket(page);
    const kioskUrl = page.url();
    const address = page.getByTestId('kiosk-status-address');
    expect(await address.textContent()).toMatch(new RegExp(`^${h.stack.url}/status/[\\w-]+$`));
    expect(await page.locator('a[href]').count()).toBe(0);

    await address.click();
    await page.getByTestId('kiosk-qr').click();
    await page.waitForTimeout(300);
    expect(page.url()).toBe(kioskUrl);
    expect(page.context().pages()).toHaveLength(1);
    expect(await page.getByTestId('kiosk-number').textContent()).toBe(number);
    await screenshot(page, 'kiosk-ticket-address');
    await page.context().close();
  });

  it('the ticket screen warns before it goes back to the start, and "Mantener" keeps the ticket', async () => {
    const page = await openKiosk();
    const number = await takeTicket(page);
    const warning = page.getByTestId('kiosk-reset');
    expect(await warning.isVisible()).toBe(false);

    await page.clock.fastForward(QUIET_MS + 1_000);
    await warning.getByText(/Esta pantalla vuelve al inicio en \d+ s/).waitFor();
    // Announced once, as a sentence, by a live region that was in the page before it.
    expect(await page.getByRole('status').filter({ hasText: 'Toque Mantener' }).count()).toBe(1);
    await screenshot(page, 'kiosk-reset-warning');

    await page.clock.fastForward(5_000);
    await page.getByRole('button', { name: 'Mantener' }).click();
    await warning.waitFor({ state: 'hidden' });
    expect(await page.getByTestId('kiosk-number').textContent()).toBe(number);

    // Kept for a whole new period: the warning again only after the quiet time, then the start.
    await page.clock.fastForward(QUIET_MS - 2_000);
    expect(await warning.isVisible()).toBe(false);
    await page.clock.fastForward(3_000);
    await warning.waitFor();
    await page.clock.fastForward(WARN_MS);
    await page.getByRole('heading', { name: 'Bienvenido' }).waitFor();
    await page.context().close();
  });

  it('axe (WCAG 2.1 A and AA) finds no critical or serious violation on the home and ticket screens', async () => {
    const page = await openKiosk();
    await screenshot(page, 'kiosk-home');
    const home = await axeReport(page);
    const homeUnmeasured = await unmeasuredText(page, home);
    await takeTicket(page);
    await page.clock.fastForward(QUIET_MS + 1_000);
    await page.getByTestId('kiosk-reset').waitFor();
    const ticket = await axeReport(page);
    expect({ home: blocking(home.violations), ticket: blocking(ticket.violations) }).toEqual({ home: [], ticket: [] });
    // A pass that checked nothing proves nothing: every word's contrast was measured.
    expect({ home: homeUnmeasured, ticket: await unmeasuredText(page, ticket) }).toEqual({ home: [], ticket: [] });
    await page.context().close();
  });
});

describe('issue 17: the appointment check-in and the language on the kiosk', () => {
  it('the check-in form warns before it goes back to the start; "Mantener" and typing keep it', async () => {
    const page = await openKiosk();
    await page.getByRole('button', { name: 'Tengo una cita' }).click();
    const id = page.getByLabel('Número de identificación');
    await id.fill('5512');
    const warning = page.getByTestId('kiosk-reset');

    // Typing is activity: the quiet time starts again from the last key.
    await page.clock.fastForward(QUIET_MS - 2_000);
    await id.press('3');
    await page.clock.fastForward(3_000);
    expect(await warning.isVisible()).toBe(false);

    await page.clock.fastForward(QUIET_MS);
    await warning.getByText(/Esta pantalla vuelve al inicio en \d+ s/).waitFor();
    expect(await page.getByRole('status').filter({ hasText: 'Toque Mantener' }).count()).toBe(1);
    expect(blocking((await axeReport(page)).violations)).toEqual([]);
    await screenshot(page, 'kiosk-check-in-reset-warning');
    await page.getByRole('button', { name: 'Mantener' }).click();
    await warning.waitFor({ state: 'hidden' });
    // What was typed is still there, and the typing goes on where it was.
    expect(await id.inputValue()).toBe('55123');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('kiosk-id-number');

    await page.clock.fastForward(QUIET_MS + 1_000);
    await warning.waitFor();
    await page.clock.fastForward(WARN_MS);
    await page.getByRole('heading', { name: 'Bienvenido' }).waitFor();
    await page.context().close();
  });

  it('a customer switches the kiosk to English (the page says it is English), and the next customer finds it in Spanish', async () => {
    const page = await openKiosk();
    const lang = () => page.evaluate(() => document.documentElement.lang);
    await page.getByRole('group', { name: 'Idioma' }).getByRole('button', { name: 'EN', exact: true }).click();
    await page.getByRole('heading', { name: 'Welcome' }).waitFor();
    expect(await lang()).toBe('en');
    expect(await page.getByRole('button', { name: 'EN', exact: true }).getAttribute('aria-pressed')).toBe('true');
    const home = await axeReport(page);
    expect(blocking(home.violations)).toEqual([]);
    await screenshot(page, 'kiosk-home-en');

    await takeTicket(page);
    await page.getByText('Your ticket', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Take another ticket' }).click();
    await page.getByRole('heading', { name: 'Bienvenido' }).waitFor();
    expect(await lang()).toBe('es');
    await page.context().close();
  });
});
