// Issue 16: a virtual ticket on the agent's real desk page (the console's own build, served by the
// API as in production), through the real SFU, Temporal and PostgreSQL: the call shows in the
// attention panel instead of the in-person actions, fits 1440×900 and 1280×720 while waiting and
// in call, and its one end button finishes the attention and frees the desk.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../platform/ports.js';
import { axeReport, blocking } from '../../tests/support/axe.js';
import { launchBrowser } from '../../tests/support/browser.js';
import { INSTALL_TIMEOUT_MS } from '../../tests/support/sfu.js';
import { callVirtualTicket, createVideoStack, type VideoStack } from '../../tests/support/video-stack.js';
import { atDeskSizes, DESK_SIZES, ensureConsoleBuilt, STEP_TIMEOUT_MS } from './support.js';

let v: VideoStack;
let browser: Browser;

beforeAll(async () => {
  await ensureConsoleBuilt();
  v = await createVideoStack({ port: await freePort() });
  browser = await launchBrowser();
}, INSTALL_TIMEOUT_MS);
afterAll(async () => {
  await browser?.close();
  await v?.close();
});

/**
 * The call's controls that a person can see and hit where the desk first shows them, without
 * scrolling: inside the window and not clipped by a scrolled box (what the point hits is the control).
 */
async function hiddenControls(page: Page): Promise<string[]> {
  const controls = {
    mic: page.getByRole('button', { name: 'Silenciar micrófono' }),
    camera: page.getByRole('button', { name: 'Apagar cámara' }),
    settings: page.getByRole('button', { name: 'Configuración' }),
    transfer: page.getByRole('button', { name: 'Transferir llamada' }),
    end: page.locator('.vc-end'),
    chat: page.getByPlaceholder('Escriba un mensaje…'),
    send: page.getByRole('button', { name: 'Enviar', exact: true }),
    terms: page.getByRole('button', { name: 'Enviar T&C' }),
    tag: page.getByRole('button', { name: 'Marcar' }),
  };
  const hidden: string[] = [];
  for (const [what, control] of Object.entries(controls)) {
    const where = await control.evaluate((el) => {
      const r = el.getBoundingClientRect();
      const inside = r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight + 0.5 && r.right <= innerWidth + 0.5;
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return inside && hit && (hit === el || el.contains(hit))
        ? null
        : `${Math.round(r.left)},${Math.round(r.top)} ${Math.round(r.width)}×${Math.round(r.height)}`;
    });
    if (where) hidden.push(`${what} at ${where}`);
  }
  return hidden;
}

const axeClean = async (page: Page, screen: string) =>
  expect({ [screen]: blocking((await axeReport(page)).violations) }).toEqual({ [screen]: [] });

describe('issue 16: a virtual customer at the real desk', () => {
  it('the desk shows the video call in place of the in-person actions, fits both screen sizes, and its one end button finishes the attention', async () => {
    const diego = await v.login('diego@andino.demo');
    const { ticketId } = await callVirtualTicket(v, diego, { firstName: 'Inés', lastName: 'Barrera' });
    const ticket = await v.stack.db('tickets').where({ id: ticketId }).first('number');

    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      locale: 'es-CO',
      timezoneId: 'America/Bogota',
    });
    context.setDefaultTimeout(STEP_TIMEOUT_MS);
    const [name, value] = diego.cookie.split('=') as [string, string];
    await context.addCookies([{ name, value, url: v.url, httpOnly: true, sameSite: 'Lax' }]);
    const page = await context.newPage();
    await page.goto(v.url);

    // The desk (not a page of its own) holds the call: the panel names the ticket and its customer.
    const panel = page.locator('[data-testid="attention"][data-status="calling"]');
    await panel.waitFor();
    await expect(page.getByTestId('call-number').textContent()).resolves.toBe(ticket.number);
    await expect(page.getByTestId('call-name').textContent()).resolves.toContain('Inés Barrera');
    await panel.getByTestId('guest-link').waitFor({ timeout: 20_000 });
    await panel.locator('[data-testid="video-call"][data-status="live"]').waitFor({ timeout: 20_000 });
    // In person only: no "customer arrived", recall or the requeue / transfer / no-show block.
    for (const action of ['El cliente llegó', 'Volver a llamar'])
      expect(await page.getByRole('button', { name: action }).count(), action).toBe(0);
    expect(await page.getByTestId('other-actions').count()).toBe(0);
    expect(await page.locator('.vc-end').allTextContents()).toEqual(['El cliente no se conectó: cerrar']);
    await atDeskSizes(page, 'desk-video-waiting');
    await axeClean(page, 'desk, video waiting');

    // The customer joins from the link the desk shows.
    const guestPath = new URL((await panel.getByTestId('guest-link').getAttribute('href')) ?? '').pathname;
    const guestContext = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'es-CO' });
    const guest = await guestContext.newPage();
    await guest.goto(v.url + guestPath);
    await guest.getByRole('button', { name: 'Entrar a la videollamada' }).click();
    await guest.locator('[data-testid="video-call"][data-status="live"]').waitFor({ timeout: 20_000 });
    await page.getByTestId('remote-video').waitFor({ timeout: 20_000 });
    await page.locator('[data-testid="attention"][data-status="attending"]').waitFor({ timeout: 15_000 });
    await expect.poll(() => page.locator('.vc-end').allTextContents()).toEqual(['Terminar atención']);
    for (const size of DESK_SIZES) {
      await page.setViewportSize(size);
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.waitForTimeout(150); // a layout pass at the new size
      expect(await hiddenControls(page), `${size.width}×${size.height}`).toEqual([]);
    }
    await atDeskSizes(page, 'desk-video-in-call');
    await axeClean(page, 'desk, video in call');

    // One button ends it: the ticket is finished, the desk is free again, the guest is told.
    await page.locator('.vc-end').click();
    await page.getByTestId('attention').waitFor({ state: 'detached', timeout: 15_000 });
    await expect
      .poll(async () => (await v.stack.db('tickets').where({ id: ticketId }).first('status')).status)
      .toBe('finished');
    await guest.getByTestId('call-ended').waitFor({ timeout: 15_000 });
    await atDeskSizes(page, 'desk-video-after');
    await Promise.all([guestContext.close(), context.close()]);
  }, 180_000);
});
