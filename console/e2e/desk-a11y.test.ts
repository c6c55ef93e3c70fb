// Issue 17, the agent's side: axe (WCAG 2.1 A and AA) finds nothing critical or serious on the
// desk (idle, calling, attending), all tickets and the profile; a new call takes the focus to the
// call panel and is announced; the page's language follows the one chosen.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeReport, blocking } from '../../tests/support/axe.js';
import {
  kioskTicket,
  loggedInPage,
  newContext,
  screenshot,
  setState,
  startHarness,
  takeDesk,
  type ConsoleHarness,
} from './support.js';

let h: ConsoleHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** axe's critical and serious findings on the page as it is now, named by screen. */
async function blockingOn(page: Page, screen: string) {
  await screenshot(page, `a11y-${screen}`);
  return { [screen]: blocking((await axeReport(page)).violations) };
}

/** What has the keyboard focus: its role or tag, and its accessible name or text. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    const label = (el as HTMLInputElement).labels?.[0]?.textContent?.trim();
    // aria-labelledby names it as a screen reader does (a desk tile: its name, not its "Libre").
    const by = el.getAttribute('aria-labelledby');
    const named = by ? document.getElementById(by)?.textContent?.trim() : undefined;
    return `${el.getAttribute('role') ?? el.tagName.toLowerCase()}: ${el.getAttribute('aria-label') ?? named ?? label ?? el.textContent?.trim()}`;
  });

/**
 * The contrast against white of the focused element's focus indicator: its outline when it draws
 * one, else the ring of its box shadow (WCAG 2.4.7 and 1.4.11 ask for 3:1).
 */
const focusRingContrast = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const css = getComputedStyle(el);
    const ring = css.outlineStyle !== 'none' && parseFloat(css.outlineWidth) >= 2 ? css.outlineColor : css.boxShadow;
    const [r, g, b] = (/rgba?\((\d+), (\d+), (\d+)/.exec(ring) ?? [0, 255, 255, 255]).slice(1).map(Number) as [
      number,
      number,
      number,
    ];
    const lin = (c: number) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
    const l = 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    return 1.05 / (l + 0.05);
  });

/** Presses Tab (or Shift+Tab) until `target` (as `focused` names it) has the focus. */
async function tabTo(page: Page, target: string, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<void> {
  for (let i = 0; i < 40; i++) {
    if ((await focused(page)) === target) return;
    await page.keyboard.press(key);
  }
  throw new Error(`${target} never got the focus (last: ${await focused(page)})`);
}

describe('issue 17: the agent desk for everyone', () => {
  it('axe finds no critical or serious violation on the desk idle, calling and attending, all tickets and the profile', async () => {
    const { context, page } = await loggedInPage(h, 'ana@andino.demo');
    await takeDesk(page, 'Módulo 1');
    await page.getByTestId('waiting-count').waitFor();
    const found = [await blockingOn(page, 'desk-idle')];

    const { number } = await kioskTicket(h, 'C');
    await page.locator('[data-testid="attention"][data-status="calling"]').waitFor({ timeout: 15_000 });
    await page.getByTestId('call-number').filter({ hasText: number }).waitFor();
    await page.getByTestId('timeline').waitFor();
    found.push(await blockingOn(page, 'desk-calling'));

    await page.getByRole('button', { name: 'El cliente llegó' }).click();
    await page.locator('[data-testid="attention"][data-status="attending"]').waitFor();
    await page.getByTestId('customer-form').waitFor();
    found.push(await blockingOn(page, 'desk-attending'));

    await page.getByRole('link', { name: 'Ver todos los tiquetes' }).click();
    await page.getByRole('heading', { name: 'Todos los tiquetes' }).waitFor();
    await page.locator('table tbody tr').first().waitFor();
    found.push(await blockingOn(page, 'all-tickets'));
    // A dialog opened from the keyboard gives the focus back to its button when it closes.
    const generate = page.getByRole('button', { name: 'Generar tiquete o cita' });
    await generate.focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('generate-form').waitFor();
    found.push(await blockingOn(page, 'generate-dialog'));
    await page.getByRole('dialog').getByRole('button', { name: 'Cerrar' }).first().click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    expect(await focused(page)).toBe('button: Generar tiquete o cita');

    await page.getByRole('link', { name: 'Mi perfil' }).click();
    await page.getByTestId('profile-form').getByLabel('Nombre').waitFor();
    found.push(await blockingOn(page, 'profile'));
    expect(found).toEqual([
      { 'desk-idle': [] },
      { 'desk-calling': [] },
      { 'desk-attending': [] },
      { 'all-tickets': [] },
      { 'generate-dialog': [] },
      { profile: [] },
    ]);

    // Back to the desk to finish and go offline, so the next test's customer is not dispatched here.
    await page.getByRole('link', { name: 'Mi módulo' }).click();
    await page.getByRole('button', { name: 'Finalizar atención' }).click();
    await page.getByTestId('waiting-count').waitFor();
    await setState(page, 'Desconectado');
    await context.close();
  });

  it('keyboard only: log in, pick a desk, go online, attend and finish a customer; a new call takes the focus to the call panel, one Tab from "El cliente llegó", and is announced; the focus never falls to the page', async () => {
    const context = await newContext(h);
    const page = await context.newPage();
    await page.goto(h.stack.url);
    await page.getByLabel('Correo electrónico').waitFor();
    expect(await blockingOn(page, 'login')).toEqual({ login: [] });
    // The e-mail field has the focus when the page opens.
    await page.keyboard.type('diego@andino.demo');
    await page.keyboard.press('Tab');
    await page.keyboard.type('ventanilla2026');
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { name: 'Elija su módulo de atención' }).waitFor();
    await expect.poll(() => focused(page)).toBe('h1: Elija su módulo de atención');
    expect(await blockingOn(page, 'desk-picker')).toEqual({ 'desk-picker': [] });
    await tabTo(page, 'radio: Módulo 4');
    await page.keyboard.press('Space');
    await tabTo(page, 'button: Ingresar al módulo');
    await page.keyboard.press('Enter');

    await page.getByTestId('desk-name').filter({ hasText: 'Módulo 4' }).waitFor();
    // Entering the desk makes the agent Online (A3) and puts the focus on that state; a pause
    // (Desconectado) and back, by keyboard.
    await expect.poll(() => focused(page)).toBe('radio: En línea');
    await tabTo(page, 'radio: Desconectado');
    await page.keyboard.press('Enter');
    await page.locator('.seg.on', { hasText: 'Desconectado' }).waitFor();
    expect(await focused(page)).toBe('radio: Desconectado');
    await tabTo(page, 'radio: En línea', 'Shift+Tab');
    // Until the change is saved the states say they are unavailable (aria-disabled), and a key does nothing.
    await page.locator('.segmented [aria-disabled="true"]').first().waitFor({ state: 'detached' });
    await page.keyboard.press('Space');
    await page.locator('.seg.on', { hasText: 'En línea' }).waitFor();
    expect(await focused(page)).toBe('radio: En línea');

    const { number } = await kioskTicket(h, 'A');
    await page.getByTestId('call-number').filter({ hasText: number }).waitFor({ timeout: 15_000 });
    await expect.poll(() => focused(page)).toBe(`section: Llamando a ${number}`);
    await page
      .getByRole('status')
      .filter({ hasText: `Nuevo llamado: ${number}` })
      .waitFor();
    await screenshot(page, 'a11y-keyboard-call');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('button: El cliente llegó');

    await page.keyboard.press('Enter');
    await page.locator('[data-testid="attention"][data-status="attending"]').waitFor();
    await expect.poll(() => focused(page)).toBe(`section: Atendiendo a ${number}`);
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('button: Finalizar atención');
    // A topic and a note: each control keeps the focus while its change is saved.
    await tabTo(page, 'input: Certificados');
    await page.keyboard.press('Space');
    await page.getByTestId('topics').locator('.chip.on', { hasText: 'Certificados' }).waitFor();
    expect(await focused(page)).toBe('input: Certificados');
    await tabTo(page, 'textarea: ');
    await page.keyboard.type('Pide un certificado de cuenta');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('button: Agregar nota');
    await page.keyboard.press('Enter');
    await page.getByTestId('timeline').getByText('Pide un certificado de cuenta').waitFor();
    expect(await focused(page)).toBe('button: Agregar nota');
    await tabTo(page, 'button: Finalizar atención', 'Shift+Tab');
    await page.keyboard.press('Enter');
    await page.getByTestId('waiting-count').waitFor();
    await expect.poll(() => focused(page)).toMatch(/^h2: Lista de espera/);
    expect(await h.stack.db('tickets').where({ number, branch_id: h.branchId }).first('status')).toEqual({
      status: 'finished',
    });
    await context.close();
  });

  it('the page says which language it is in, and a skip link leads past the top bar', async () => {
    const { context, page } = await loggedInPage(h, 'carla@andino.demo', '/profile');
    await page.getByTestId('profile-form').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
    await page.getByTestId('user-menu').click();
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await page.getByRole('heading', { name: 'My profile' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.getByRole('button', { name: 'ES', exact: true }).click();
    await page.getByRole('heading', { name: 'Mi perfil' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
    // Escape closes the menu and gives the focus back to its button.
    await page.keyboard.press('Escape');
    await page.getByRole('menu').waitFor({ state: 'detached' });
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.testid)).toBe('user-menu');

    // The first Tab reaches the skip link; following it puts the next Tab inside the page, past the menu.
    await page.reload();
    await page.getByTestId('profile-form').waitFor();
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('a: Saltar al contenido');
    await screenshot(page, 'a11y-skip-link');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('.topbar') === null)).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.closest('[data-testid="profile-form"]') !== null)).toBe(
      true,
    );
    // The input's focus ring is seen: the soft halo it had was 1.13:1.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('INPUT');
    expect(await focusRingContrast(page)).toBeGreaterThanOrEqual(3);
    await screenshot(page, 'a11y-input-focus');
    await context.close();
  });
});
